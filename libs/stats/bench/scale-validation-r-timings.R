# Times psych's alpha, fa.parallel, fa (minres, ml) and omega on the scale-validation benchmark's data (written by
# scale-validation.bench.ts as CSV), median of several runs, and prints one "name items milliseconds" line each.
# Usage: Rscript scale-validation-r-timings.R <file:factors:iterations> ...
suppressMessages({
  library(psych)
  library(GPArotation)
})
median_ms <- function(f) {
  once <- system.time(f())[["elapsed"]]
  repetitions <- if (once > 0.5) 1 else max(1, round(0.05 / max(once, 1e-4)))
  times <- replicate(if (once > 0.5) 3 else 5, {
    start <- proc.time()[["elapsed"]]
    for (i in seq_len(repetitions)) f()
    (proc.time()[["elapsed"]] - start) / repetitions
  })
  1000 * median(times)
}
for (argument in commandArgs(trailingOnly = TRUE)) {
  parts <- strsplit(argument, ":")[[1]]
  x <- as.matrix(read.csv(parts[1], header = FALSE))
  factors <- as.integer(parts[2])
  iterations <- as.integer(parts[3])
  items <- ncol(x)
  quietly <- function(expression) suppressWarnings(suppressMessages(invisible(capture.output(expression))))
  cat(sprintf("alpha %d %.4f\n", items, median_ms(function() quietly(alpha(x, warnings = FALSE)))))
  cat(sprintf("parallel %d %.4f\n", items, median_ms(function() quietly(
    fa.parallel(cor(x), n.obs = nrow(x), fm = "minres", fa = "both", n.iter = iterations, plot = FALSE)))))
  cat(sprintf("minres %d %.4f\n", items, median_ms(function() quietly(fa(x, factors, fm = "minres", rotate = "oblimin")))))
  cat(sprintf("ml %d %.4f\n", items, median_ms(function() quietly(fa(x, factors, fm = "ml", rotate = "oblimin")))))
  cat(sprintf("omega %d %.4f\n", items, median_ms(function() quietly(omega(x, factors, fm = "minres", plot = FALSE)))))
}

# Times R's cor() and pcaPP::cor.fk() on the benchmark's data (written by correlation.bench.ts as raw
# little-endian doubles), median of several runs, and prints one "name milliseconds" line per measurement.
# Usage: Rscript r-timings.R <data file> <sizes, comma separated> <matrix rows>
args <- commandArgs(trailingOnly = TRUE)
con <- file(args[1], "rb")
total <- readBin(con, "integer", 1)
x_all <- readBin(con, "double", total)
y_all <- readBin(con, "double", total)
matrix_rows <- as.integer(args[3])
columns <- readBin(con, "double", matrix_rows * 10)
close(con)
sizes <- as.integer(strsplit(args[2], ",")[[1]])
has_pcapp <- requireNamespace("pcaPP", quietly = TRUE)

median_ms <- function(expression_function, n, repetitions = max(1, round(2e5 / n))) {
  # Fast calls are repeated so each timed sample lasts at least a few milliseconds.
  times <- replicate(if (n >= 1e6) 3 else 5, {
    start <- proc.time()[["elapsed"]]
    for (i in seq_len(repetitions)) expression_function()
    (proc.time()[["elapsed"]] - start) / repetitions
  })
  1000 * median(times)
}

for (n in sizes) {
  x <- x_all[seq_len(n)]
  y <- y_all[seq_len(n)]
  cat(sprintf("pearson %d %.4f\n", n, median_ms(function() cor(x, y), n)))
  cat(sprintf("spearman %d %.4f\n", n, median_ms(function() cor(x, y, method = "spearman"), n)))
  if (has_pcapp) cat(sprintf("kendall-pcapp %d %.4f\n", n, median_ms(function() pcaPP::cor.fk(x, y), n)))
  if (n <= 1e4) cat(sprintf("kendall-cor %d %.4f\n", n, median_ms(function() cor(x, y, method = "kendall"), n, repetitions = 1)))
}
m <- matrix(columns, ncol = 10)
cat(sprintf("matrix %d %.4f\n", matrix_rows, median_ms(function() cor(m), matrix_rows)))
if (!has_pcapp) cat("note pcaPP not installed\n")

# Reference values for the BCa and percentile formulas of bootstrapConfidenceInterval
# (libs/stats/src/resampling/bca-interval.ts). R draws its own resamples (set.seed + sample); the fixture holds the
# data, the replicates and jackknife values, and the intervals computed from them with the same formulas:
# percentile = quantile(type = 7); BCa (Efron 1987) with z0 = qnorm(mean(t < t0)) as boot, jackknife acceleration,
# and type-7 quantiles at the adjusted levels. (boot::boot.ci(type = "bca") uses norm.inter instead, so it is not
# the reference.) Run: Rscript libs/stats/reference/resampling.R (R 4.2). Writes fixtures/resampling.json.
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)

bca_case <- function(name, data, statistic, B, level) {
  n <- NROW(data)
  pick <- function(idx) if (is.matrix(data)) data[idx, , drop = FALSE] else data[idx]
  t0 <- statistic(data)
  t <- replicate(B, statistic(pick(sample.int(n, n, replace = TRUE))))
  jack <- vapply(seq_len(n), function(i) statistic(pick(-i)), 0)
  tail <- (1 - level) / 2
  z0 <- qnorm(sum(t < t0) / B)
  d <- mean(jack) - jack
  a <- sum(d^3) / (6 * sum(d^2)^1.5)
  adjusted <- function(p) { z <- z0 + qnorm(p); pnorm(z0 + z / (1 - a * z)) }
  list(
    name = name, estimate = t0, confidenceLevel = level,
    replicates = as_array(t), jackknife = as_array(jack),
    percentile = as.numeric(quantile(t, c(tail, 1 - tail), type = 7)),
    bca = as.numeric(quantile(t, c(adjusted(tail), adjusted(1 - tail)), type = 7)),
    biasCorrection = z0, acceleration = a
  )
}

skewed <- rexp(25, 0.2)
pairs <- cbind(x <- rnorm(30), 0.5 * x + rnorm(30))
cases <- list(
  bca_case("mean of 25 exponential values", skewed, mean, 999, 0.95),
  bca_case("sd of 25 exponential values, 90%", skewed, sd, 1500, 0.90),
  bca_case("correlation of 30 pairs", pairs, function(m) cor(m[, 1], m[, 2]), 2000, 0.95)
)
write_fixture(cases, "resampling.json")
cat("wrote", file.path(fixture_dir, "resampling.json"), "\n")

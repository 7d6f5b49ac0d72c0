# Reference values for the statistics of the institution comparison (libs/stats):
# - standardisedMeanChange: metafor::escalc(measure = "SMCR") (Becker 1988; bias-corrected, vtype "LS"), CI as
#   summary.escalc (yi +/- qnorm * sqrt(vi)), on seeded PHQ-9-like baseline and end scores;
# - proportionDifference: Newcombe (1998) hybrid score interval (method 10) from the Wilson intervals of
#   prop.test(correct = FALSE), p from prop.test(c(x1, x2), c(n1, n2), correct = FALSE) (pooled z squared);
# - compareIndependentEstimates: difference of two independent estimates, Wald interval and z test (pnorm, qnorm);
# - compareCorrelations' interval: atanh(r1) - atanh(r2) +/- qnorm * sqrt(1/(n1 - 3) + 1/(n2 - 3)).
# Run: Rscript libs/stats/reference/comparison.R  (R 4.2, metafor 3.8-1). Writes fixtures/comparison.json.
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")
suppressMessages(library(metafor))

set.seed(20261130)

smc_cases <- list()
for (spec in list(list(n = 12, level = 0.95), list(n = 40, level = 0.95), list(n = 250, level = 0.90),
                  list(n = 5, level = 0.95))) {
  n <- spec$n
  pre <- pmin(27, pmax(0, round(rnorm(n, 16, 4))))
  post <- pmin(27, pmax(0, round(pre - rnorm(n, 5, 6))))
  es <- escalc(measure = "SMCR", m1i = mean(post), m2i = mean(pre), sd1i = sd(pre), ni = n, ri = cor(pre, post))
  crit <- qnorm(1 - (1 - spec$level) / 2)
  smc_cases[[length(smc_cases) + 1]] <- list(
    before = as_array(pre), after = as_array(post), confidenceLevel = spec$level,
    expected = list(estimate = es$yi[1], variance = es$vi[1],
                    ci = as_array(c(es$yi[1] - crit * sqrt(es$vi[1]), es$yi[1] + crit * sqrt(es$vi[1]))),
                    d = (mean(post) - mean(pre)) / sd(pre), correlation = cor(pre, post))
  )
}

wilson <- function(x, n, level) suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
proportion_cases <- list()
for (spec in list(c(30, 50, 41, 120), c(12, 40, 10, 38), c(0, 15, 7, 60), c(20, 20, 50, 80), c(5, 10, 160, 200),
                  c(0, 12, 0, 30), c(1, 1, 3, 9))) {
  x1 <- spec[1]; n1 <- spec[2]; x2 <- spec[3]; n2 <- spec[4]
  for (level in c(0.95, 0.9)) {
    p1 <- x1 / n1; p2 <- x2 / n2
    w1 <- wilson(x1, n1, level); w2 <- wilson(x2, n2, level)
    d <- p1 - p2
    lower <- d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)
    upper <- d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)
    p <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value)
    proportion_cases[[length(proportion_cases) + 1]] <- list(
      first = list(count = x1, n = n1), second = list(count = x2, n = n2), confidenceLevel = level,
      expected = list(difference = d, ci = as_array(c(lower, upper)), p = if (is.na(p)) NaN else p)
    )
  }
}

estimate_cases <- list()
for (spec in list(c(-0.8, 0.04, -0.5, 0.01), c(0.2, 0.3, 0.25, 0.2), c(1.5, 0.001, -1.5, 0.002))) {
  for (level in c(0.95, 0.99)) {
    difference <- spec[1] - spec[3]
    se <- sqrt(spec[2] + spec[4])
    crit <- qnorm(1 - (1 - level) / 2)
    estimate_cases[[length(estimate_cases) + 1]] <- list(
      first = list(estimate = spec[1], variance = spec[2]), second = list(estimate = spec[3], variance = spec[4]),
      confidenceLevel = level,
      expected = list(difference = difference, se = se, ci = as_array(c(difference - crit * se, difference + crit * se)),
                      z = difference / se, p = 2 * pnorm(-abs(difference / se)))
    )
  }
}

correlation_cases <- list()
for (spec in list(c(-0.3, 40, -0.1, 150), c(0.5, 100, 0.3, 120), c(0.05, 12, -0.6, 14))) {
  for (level in c(0.95, 0.9)) {
    difference <- atanh(spec[1]) - atanh(spec[3])
    se <- sqrt(1 / (spec[2] - 3) + 1 / (spec[4] - 3))
    crit <- qnorm(1 - (1 - level) / 2)
    correlation_cases[[length(correlation_cases) + 1]] <- list(
      first = list(r = spec[1], n = spec[2]), second = list(r = spec[3], n = spec[4]), confidenceLevel = level,
      expected = list(difference = difference, se = se, ci = as_array(c(difference - crit * se, difference + crit * se)))
    )
  }
}

write_fixture(list(standardisedMeanChange = smc_cases, proportionDifference = proportion_cases,
                   compareIndependentEstimates = estimate_cases, compareCorrelations = correlation_cases),
              "comparison.json")

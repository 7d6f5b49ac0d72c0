# Reference values for metaAnalysisCorrelations (libs/stats/src/meta-analysis).
# Run: Rscript libs/stats/reference/meta-analysis.R  (R 4.2, metafor 3.8-1). Writes fixtures/meta-analysis.json.
suppressMessages(library(metafor))
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)
simulate <- function(k, mean_z, tau, n_range) {
  n <- sample(n_range[1]:n_range[2], k, replace = TRUE)
  z <- rnorm(k, mean_z, tau) + rnorm(k, 0, 1 / sqrt(n - 3))
  list(r = round(tanh(z), 3), n = n)
}

fit_case <- function(name, studies, used = rep(TRUE, length(studies$r))) {
  d <- escalc(measure = "ZCOR", ri = studies$r[used], ni = studies$n[used])
  fits <- list()
  for (method in c("DL", "REML")) {
    for (test in c("z", "knha", "adhoc")) {
      # REML: Fisher scoring threshold tightened from 1e-5 to 1e-13 so that the reference is the converged value.
      res <- suppressWarnings(rma(yi, vi, data = d, method = method, test = test,
                                  control = list(threshold = 1e-13, maxiter = 10000)))
      pr <- predict(res)
      pr90 <- predict(res, level = 90)
      res90 <- suppressWarnings(update(res, level = 90))
      fits[[paste(method, test, sep = "_")]] <- list(
        method = method, test = test,
        fisherZ = as.numeric(res$beta), se = res$se, statistic = res$zval, p = res$pval,
        ciFisherZ = c(res$ci.lb, res$ci.ub),
        predictionIntervalFisherZ = c(pr$pi.lb, pr$pi.ub),
        estimate = tanh(as.numeric(res$beta)),
        ci = tanh(c(res$ci.lb, res$ci.ub)),
        predictionInterval = tanh(c(pr$pi.lb, pr$pi.ub)),
        ci90 = tanh(c(res90$ci.lb, res90$ci.ub)),
        predictionInterval90 = tanh(c(pr90$pi.lb, pr90$pi.ub)),
        tau2 = res$tau2, i2 = res$I2, h2 = res$H2, q = res$QE, qDf = res$k - 1, qP = res$QEp, k = res$k,
        weights = as_array(as.numeric(weights(res)))
      )
    }
  }
  list(name = name, studies = list(r = as_array(studies$r), n = as_array(studies$n)), fits = fits)
}

heterogeneous <- simulate(8, atanh(0.28), 0.25, c(30, 300))
flueckiger <- simulate(40, atanh(0.278), 0.1, c(20, 500))
homogeneous <- simulate(6, atanh(0.2), 0, c(50, 100))
negative <- simulate(12, atanh(-0.35), 0.2, c(15, 60))
two <- list(r = c(0.31, 0.12), n = c(85, 140))
one <- list(r = 0.27, n = 196)
with_missing <- list(r = c(heterogeneous$r, NA, 0.4), n = c(heterogeneous$n, 50, NA))

cases <- list(
  fit_case("8 heterogeneous studies", heterogeneous),
  fit_case("40 studies around r = .278", flueckiger),
  fit_case("6 homogeneous studies (tau2 at 0)", homogeneous),
  fit_case("12 negative correlations, small n", negative),
  fit_case("2 studies", two),
  fit_case("1 study", one),
  fit_case("8 studies plus two incomplete", with_missing, !is.na(with_missing$r) & !is.na(with_missing$n))
)
write_fixture(cases, "meta-analysis.json")
cat("wrote", file.path(fixture_dir, "meta-analysis.json"), "\n")

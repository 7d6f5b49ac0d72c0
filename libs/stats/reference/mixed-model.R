# Reference values for linearMixedModel (libs/stats/src/mixed-model): lme4::lmer(y ~ time + (time | subject),
# REML = TRUE). The REML deviance is flat at its optimum, so a derivative-free optimizer pins theta only to about
# 1e-7 (lme4's default tolerances: about 1e-5). The reference therefore takes lme4's fit with tightened nloptwrap
# (BOBYQA) tolerances and refines theta by Newton steps on finite differences of lme4's own REML deviance function
# (mkLmerDevfun), then builds the fit at that theta with lme4's mkMerMod (see ?modular), so every reported number
# is lme4's at the minimiser. The unrefined tight fit and lme4's default fit are recorded too.
# Run: Rscript libs/stats/reference/mixed-model.R (R 4.2, lme4 1.1-31). Writes fixtures/mixed-model.json.
suppressMessages(library(lme4))
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

tight <- lmerControl(optimizer = "nloptwrap",
                     optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-15, xtol_rel = 1e-14, ftol_rel = 1e-15,
                                    maxeval = 100000),
                     check.conv.singular = "ignore")

summarise <- function(fit) {
  vc <- as.data.frame(VarCorr(fit))
  list(
    fixed = as.numeric(fixef(fit)),
    se = as.numeric(sqrt(diag(vcov(fit)))), fixedCovariance = as.matrix(vcov(fit))[1, 2],
    varIntercept = vc$vcov[1], varSlope = vc$vcov[2], covariance = vc$vcov[3],
    corr = vc$sdcor[3], varResidual = sigma(fit)^2,
    remlCriterion = REMLcrit(fit), theta = as.numeric(getME(fit, "theta")),
    singular = isSingular(fit)
  )
}

# Newton steps with a Richardson-extrapolated central-difference gradient and a central-difference Hessian.
polish <- function(devfun, theta) {
  for (iteration in 1:8) {
    h <- 1e-3 * pmax(abs(theta), 0.1)
    f0 <- devfun(theta)
    g <- numeric(3)
    H <- matrix(0, 3, 3)
    at <- function(delta) devfun(theta + delta)
    for (i in 1:3) {
      e <- replace(numeric(3), i, h[i])
      fp <- at(e); fm <- at(-e); fph <- at(e / 2); fmh <- at(-e / 2)
      g[i] <- (4 * (fph - fmh) / h[i] - (fp - fm) / (2 * h[i])) / 3
      H[i, i] <- (fp - 2 * f0 + fm) / h[i]^2
      for (j in seq_len(i - 1)) {
        ej <- replace(numeric(3), j, h[j])
        H[i, j] <- H[j, i] <- (at(e + ej) - at(e - ej) - at(-e + ej) + at(-e - ej)) / (4 * h[i] * h[j])
      }
    }
    step <- tryCatch(-solve(H, g), error = function(e) NULL)
    if (is.null(step) || any(!is.finite(step))) break
    candidate <- theta + step
    candidate[c(1, 3)] <- abs(candidate[c(1, 3)])
    if (devfun(candidate) > f0 + 64 * .Machine$double.eps * abs(f0)) break
    theta <- candidate
    if (max(abs(step)) < 1e-13) break
  }
  theta
}

# lme4 from its default start (1, 0, 1) and from a few others; the fit with the lowest REML criterion is kept
# (from the default start alone lme4 can stop at a local optimum on the boundary).
best_tight_fit <- function(d) {
  starts <- list(NULL, c(0.2, 0.5, 0), c(0.5, -0.5, 0.5), c(2, 0, 0.1), c(0.1, 0, 2))
  fits <- lapply(starts, function(start) {
    lmer(y ~ time + (time | subject), data = d, REML = TRUE, control = tight,
         start = if (is.null(start)) NULL else list(theta = start))
  })
  fits[[which.min(vapply(fits, REMLcrit, 0))]]
}

mixed_case <- function(name, d) {
  complete <- d[complete.cases(d), ]
  tight_fit <- best_tight_fit(complete)
  lmod <- lFormula(y ~ time + (time | subject), data = complete, REML = TRUE)
  devfun <- do.call(mkLmerDevfun, lmod)
  theta <- polish(devfun, getME(tight_fit, "theta"))
  opt <- list(par = theta, fval = devfun(theta), conv = 0, message = "Newton-polished")
  fit <- mkMerMod(environment(devfun), opt, lmod$reTrms, fr = lmod$fr)
  fit_default <- suppressMessages(suppressWarnings(
    lmer(y ~ time + (time | subject), data = complete, REML = TRUE)))
  # The population-mean trajectory: predict(fit, re.form = NA) at every whole time in the data's range, its
  # standard error from vcov(fit), and 95% Wald intervals of the fixed effects (confint(method = "Wald")).
  times <- seq(min(complete$time), max(complete$time))
  design <- cbind(1, times)
  mean_band <- list(time = as_array(times),
                    fit = as_array(as.numeric(predict(fit, newdata = data.frame(time = times), re.form = NA))),
                    se = as_array(sqrt(rowSums((design %*% as.matrix(vcov(fit))) * design))))
  wald <- confint(fit, parm = "beta_", method = "Wald", level = 0.95)
  c(list(name = name, y = as_array(d$y), time = as_array(d$time), subject = as_array(as.character(d$subject)),
         n = nrow(complete), meanBand = mean_band,
         waldIntercept = as_array(as.numeric(wald[1, ])), waldSlope = as_array(as.numeric(wald[2, ]))),
    summarise(fit), list(lme4Tight = summarise(tight_fit), lme4Default = summarise(fit_default),
                         lme4DefaultStartTight = summarise(lmer(y ~ time + (time | subject), data = complete,
                                                                REML = TRUE, control = tight))))
}

set.seed(20261129)
simulate <- function(subjects, sessions, sd_intercept, sd_slope, corr, sd_residual, intercept = 20, slope = -0.8) {
  sigma <- matrix(c(sd_intercept^2, corr * sd_intercept * sd_slope, corr * sd_intercept * sd_slope, sd_slope^2), 2)
  b <- MASS::mvrnorm(subjects, c(0, 0), sigma)
  rows <- lapply(seq_len(subjects), function(i) {
    k <- sample(sessions, 1)
    time <- 0:(k - 1)
    data.frame(subject = sprintf("client-%02d", i), time = time,
               y = intercept + b[i, 1] + (slope + b[i, 2]) * time + rnorm(k, 0, sd_residual))
  })
  do.call(rbind, rows)
}

sessions <- simulate(30, 5:10, 4, 0.8, -0.3, 2)
sleep <- data.frame(subject = as.character(sleepstudy$Subject), time = sleepstudy$Days, y = sleepstudy$Reaction)
singular <- simulate(12, 4:6, 3, 0, 0, 2)
with_missing <- sessions
with_missing$y[c(4, 50, 51)] <- NA
with_missing$time[c(10)] <- NA
with_missing$subject[c(77)] <- NA
large <- simulate(200, 3:12, 5, 1.2, 0.4, 3, intercept = 60, slope = 1.5)
# No intercept variance, random slopes: from its default start lme4 stops on the theta11 = 0 boundary at a local
# optimum; the multi-start reference finds the lower (rank-one, theta22 = 0) optimum.
# (Drawn until that happens; deterministic under the seed. simulate() draws 1-6 sessions per client here.)
for (attempt in 1:200) {
  no_intercept <- simulate(10, 6, 0, 1, 0, 2)
  from_default <- lmer(y ~ time + (time | subject), data = no_intercept, REML = TRUE, control = tight)
  if (getME(from_default, "theta")[1] < 1e-4 &&
      REMLcrit(best_tight_fit(no_intercept)) < REMLcrit(from_default) - 1e-6) break
}
stopifnot(attempt < 200)

cases <- list(
  mixed_case("30 clients, 5-10 sessions", sessions),
  mixed_case("lme4 sleepstudy", sleep),
  mixed_case("12 clients, no slope variance (singular)", singular),
  mixed_case("30 clients with missing y, time and subject", with_missing),
  mixed_case("200 clients, 3-12 sessions", large),
  mixed_case("10 clients, no intercept variance (lme4 default start: local optimum)", no_intercept)
)
write_fixture(cases, "mixed-model.json")
cat("wrote", file.path(fixture_dir, "mixed-model.json"), "\n")

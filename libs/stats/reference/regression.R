# Reference values for linearRegression and confidenceBand (libs/stats/src/regression): R's lm(y ~ x) with
# summary() (coefficients, SEs, t, p, sigma, R^2), confint(), vcov() and
# predict(fit, newdata, interval = "confidence", level, se.fit = TRUE).
# Run from anywhere: Rscript libs/stats/reference/regression.R  (R 4.2). Writes fixtures/regression.json.
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)

regression_case <- function(name, x, y, level = 0.95, band_x = NULL) {
  fit <- lm(y ~ x, na.action = na.omit)
  s <- summary(fit)
  co <- s$coefficients
  ci <- confint(fit, level = level)
  if (is.null(band_x)) band_x <- seq(min(x, na.rm = TRUE), max(x, na.rm = TRUE), length.out = 7)
  band <- predict(fit, data.frame(x = band_x), interval = "confidence", level = level, se.fit = TRUE)
  list(
    name = name,
    x = as_array(x), y = as_array(y), level = level,
    n = length(fit$residuals), df = fit$df.residual,
    intercept = list(estimate = co[1, 1], se = co[1, 2], t = co[1, 3], p = co[1, 4], ci = as_array(ci[1, ])),
    slope = list(estimate = co[2, 1], se = co[2, 2], t = co[2, 3], p = co[2, 4], ci = as_array(ci[2, ])),
    residualSe = s$sigma, rSquared = s$r.squared, covariance = vcov(fit)[1, 2],
    band = list(
      x = as_array(band_x), fit = as_array(unname(band$fit[, "fit"])), se = as_array(unname(band$se.fit)),
      lower = as_array(unname(band$fit[, "lwr"])), upper = as_array(unname(band$fit[, "upr"]))
    )
  )
}

x1 <- c(1, 2, 3, 4, 5)
y1 <- c(2, 4, 5, 4, 5)
# Person-level alliance means (1-5) against a PHQ-9 change, r about -.3, as the dashboard's scatter.
x2 <- round(runif(120, 2, 5), 3)
y2 <- round(-3 - 1.5 * (x2 - 3.5) + rnorm(120, 0, 4))
x3 <- x2
y3 <- y2
x3[c(3, 17)] <- NA
y3[c(40, 41, 99)] <- NA
# Far from zero: the centred sums keep their precision (1e8 on x makes lm itself call x collinear with the
# intercept, at its QR tolerance 1e-7, so the offset is 1e5).
x4 <- 1e5 + rnorm(40)
y4 <- 1e6 + 2 * (x4 - 1e5) + rnorm(40)
# Strong fit with a tiny p.
x5 <- seq(0, 10, length.out = 200)
y5 <- 3 + 0.8 * x5 + rnorm(200, 0, 0.2)

fixture <- list(
  regression_case("textbook five points", x1, y1, band_x = c(0, 1, 3, 5, 8)),
  regression_case("alliance mean vs change, n = 120", x2, y2),
  regression_case("with missing values (pairwise deletion)", x3, y3),
  regression_case("offset 1e5 on x and 1e6 on y", x4, y4),
  regression_case("strong fit, 90% level", x5, y5, level = 0.90)
)
write_fixture(fixture, "regression.json")
cat("wrote", file.path(fixture_dir, "regression.json"), "\n")

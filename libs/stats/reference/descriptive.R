# Reference values for meanConfidenceInterval (libs/stats/src/descriptive): R's t.test(x, conf.level = level), its
# estimate, standard error (stderr), confidence interval and degrees of freedom.
# Run from anywhere: Rscript libs/stats/reference/descriptive.R  (R 4.2). Writes fixtures/descriptive.json.
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)

interval_case <- function(name, x, level = 0.95) {
  test <- t.test(x, conf.level = level)
  list(
    name = name, x = as_array(x), level = level,
    mean = unname(test$estimate), se = test$stderr, df = unname(test$parameter),
    ci = as_array(as.numeric(test$conf.int)), n = sum(!is.na(x))
  )
}

session_means <- round(runif(87, 1, 5), 4)
with_missing <- session_means
with_missing[c(2, 30, 31)] <- NA

fixture <- list(
  interval_case("five values", c(2, 4, 4, 5, 7)),
  interval_case("two values", c(3.5, 4.25)),
  interval_case("87 session alliance values", session_means),
  interval_case("with missing values", with_missing),
  interval_case("offset 1e9, 99% level", 1e9 + rnorm(50), level = 0.99)
)
write_fixture(fixture, "descriptive.json")
cat("wrote", file.path(fixture_dir, "descriptive.json"), "\n")

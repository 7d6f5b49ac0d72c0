# Reference values for reliableChange and clinicalSignificance (libs/stats/src/change): Jacobson & Truax (1991)
# written out in base R (no CRAN package computes it the same way), on seeded PHQ-9-like and well-being data.
# Run: Rscript libs/stats/reference/change.R  (R 4.2). Writes fixtures/change.json.
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)

jacobson_truax <- function(pre, post, sd, reliability, level, direction, dysfunctional, functional, criterion) {
  se <- sd * sqrt(1 - reliability)
  s_diff <- sqrt(2) * se
  rc <- (post - pre) / s_diff
  crit <- qnorm(1 - (1 - level) / 2)
  reliable <- !is.na(rc) & abs(rc) > crit
  towards <- if (direction == "lower-is-better") -1 else 1
  a <- dysfunctional[1] + towards * 2 * dysfunctional[2]
  b <- functional[1] - towards * 2 * functional[2]
  c <- (functional[2] * dysfunctional[1] + dysfunctional[2] * functional[1]) / (functional[2] + dysfunctional[2])
  cutoff <- c(a = a, b = b, c = c)[[criterion]]
  better <- if (direction == "lower-is-better") rc < 0 else rc > 0
  pre_dys <- if (direction == "lower-is-better") pre >= cutoff else pre <= cutoff
  post_fun <- if (direction == "lower-is-better") post < cutoff else post > cutoff
  crossed <- pre_dys & post_fun
  category <- ifelse(is.na(rc), NA,
              ifelse(!reliable, "unchanged",
              ifelse(better, ifelse(crossed, "recovered", "improved"), "deteriorated")))
  list(
    options = list(sd = sd, reliability = reliability, confidenceLevel = level, direction = direction,
                   dysfunctional = list(mean = dysfunctional[1], sd = dysfunctional[2]),
                   functional = list(mean = functional[1], sd = functional[2]), criterion = criterion),
    standardError = se, standardErrorOfDifference = s_diff, criticalValue = crit,
    cutoffs = list(a = a, b = b, c = c), cutoff = cutoff,
    rc = as_array(rc), category = as_array(category)
  )
}

n <- 40
phq_pre <- pmin(27, pmax(0, round(rnorm(n, 16, 4))))
phq_post <- pmin(27, pmax(0, round(phq_pre - rnorm(n, 5, 6))))
phq_post[c(7, 23)] <- NA
phq_pre[31] <- NA
wellbeing_pre <- pmin(70, pmax(0, round(rnorm(n, 30, 10))))
wellbeing_post <- pmin(70, pmax(0, round(wellbeing_pre + rnorm(n, 8, 10))))
wellbeing_pre[12] <- NA

cases <- list()
for (criterion in c("a", "b", "c")) {
  cases[[length(cases) + 1]] <- c(list(name = paste("PHQ-9-like, lower is better, criterion", criterion),
    pre = as_array(phq_pre), post = as_array(phq_post)),
    jacobson_truax(phq_pre, phq_post, sd = 4.2, reliability = 0.84, level = 0.95, direction = "lower-is-better",
                   dysfunctional = c(15.6, 4.9), functional = c(3.3, 3.8), criterion = criterion))
  cases[[length(cases) + 1]] <- c(list(name = paste("well-being, higher is better, criterion", criterion),
    pre = as_array(wellbeing_pre), post = as_array(wellbeing_post)),
    jacobson_truax(wellbeing_pre, wellbeing_post, sd = 10.5, reliability = 0.89, level = 0.90,
                   direction = "higher-is-better", dysfunctional = c(28, 11), functional = c(47, 9),
                   criterion = criterion))
}
write_fixture(cases, "change.json")
cat("wrote", file.path(fixture_dir, "change.json"), "\n")

# Reference values for libs/stats part A (correlation, descriptive statistics, effect sizes, Welch t).
#
# Regenerate from the repository root:
#   Rscript libs/stats/reference/correlation.R
# Writes libs/stats/reference/fixtures/correlation.json (inputs and R's outputs, 17 significant digits).
# Needs base R plus psych (rmcorr's analytic interval, psych::r.con) and metafor (escalc, Hedges' g).
# Deterministic: every input is drawn after set.seed() and rounded, so the JSON holds the exact doubles R used.
#
# Conventions in the JSON: R's NA is null, NaN is "NaN", +/-Inf are "Infinity"/"-Infinity" (decoded by
# libs/stats/test/fixtures.ts). Alternatives are written as the library spells them ("two-sided").

suppressPackageStartupMessages({
  library(psych)
  library(metafor)
})

# ---------------------------------------------------------------- JSON writer (17 significant digits)
json_number <- function(v) {
  ifelse(is.nan(v), '"NaN"',
    ifelse(is.na(v), "null",
      ifelse(is.infinite(v), ifelse(v > 0, '"Infinity"', '"-Infinity"'), sprintf("%.17g", v))))
}
to_json <- function(v) {
  if (is.null(v)) return("null")
  if (is.list(v) && !is.null(names(v))) {
    return(paste0("{", paste(sprintf('"%s":%s', names(v), vapply(v, to_json, "")), collapse = ","), "}"))
  }
  if (is.list(v)) return(paste0("[", paste(vapply(v, to_json, ""), collapse = ","), "]"))
  as_array <- inherits(v, "AsIs") || length(v) != 1
  if (is.character(v)) s <- ifelse(is.na(v), "null", sprintf('"%s"', v))
  else if (is.logical(v) && all(is.na(v) == FALSE)) s <- ifelse(v, "true", "false")
  else s <- json_number(as.numeric(v))
  if (as_array) paste0("[", paste(s, collapse = ","), "]") else s
}
js_alternative <- function(a) if (a == "two.sided") "two-sided" else a
alternatives <- c("two.sided", "less", "greater")

set.seed(20261129)

# ---------------------------------------------------------------- data sets for the correlations
make_pair <- function(n, noise, digits = 6, offset = 0, sign = 1) {
  x <- rnorm(n)
  y <- sign * x + noise * rnorm(n)
  list(x = round(x, digits) + offset, y = round(y, digits) + offset)
}
datasets <- list()
# Small, with ties (1 decimal), NA and NaN inputs (pairwise deletion).
small <- make_pair(12, 1, digits = 1)
small$x[3] <- NA
small$y[7] <- NaN
datasets$small_ties_missing <- small
datasets$n5 <- list(x = c(1, 2, 3, 4, 5), y = c(2, 1, 4, 3, 5))
datasets$moderate_50 <- make_pair(50, 2.5)
datasets$negative_80 <- make_pair(80, 1.2, sign = -1)
datasets$integer_ties_60 <- list(x = sample(1:5, 60, replace = TRUE), y = sample(1:7, 60, replace = TRUE))
datasets$offset_1e8 <- make_pair(40, 0.8, digits = 4, offset = 1e8)
datasets$strong_300 <- make_pair(300, 0.35)
datasets$strong_1000 <- make_pair(1000, 0.66)
datasets$very_strong_600 <- make_pair(600, 0.42)
datasets$large_5000 <- make_pair(5000, 3)
datasets$kendall_tiny_2000 <- make_pair(2000, 0.88)

# ---------------------------------------------------------------- Pearson, Spearman, Kendall
pearson_cases <- list()
spearman_cases <- list()
kendall_cases <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  for (alternative in alternatives) {
    for (level in c(0.95, 0.9)) {
      if (level == 0.9 && alternative != "two.sided") next
      test <- cor.test(d$x, d$y, method = "pearson", alternative = alternative, conf.level = level)
      n <- sum(complete.cases(d$x, d$y))
      ci <- if (is.null(test$conf.int)) c(NaN, NaN) else as.numeric(test$conf.int)
      pearson_cases[[length(pearson_cases) + 1]] <- list(
        name = name, x = I(d$x), y = I(d$y), alternative = js_alternative(alternative), confidenceLevel = level,
        # R: cor.test(x, y, method = "pearson", alternative, conf.level)
        expected = list(r = unname(test$estimate), n = n, df = unname(test$parameter), t = unname(test$statistic),
                        p = test$p.value, ci = I(ci)))
    }
    test <- suppressWarnings(cor.test(d$x, d$y, method = "spearman", alternative = alternative, exact = FALSE))
    spearman_cases[[length(spearman_cases) + 1]] <- list(
      name = name, x = I(d$x), y = I(d$y), alternative = js_alternative(alternative),
      # R: cor.test(x, y, method = "spearman", exact = FALSE, alternative)
      expected = list(rho = unname(test$estimate), n = sum(complete.cases(d$x, d$y)), s = unname(test$statistic),
                      p = test$p.value))
    test <- cor.test(d$x, d$y, method = "kendall", alternative = alternative, exact = FALSE)
    kendall_cases[[length(kendall_cases) + 1]] <- list(
      name = name, x = I(d$x), y = I(d$y), alternative = js_alternative(alternative),
      # R: cor.test(x, y, method = "kendall", exact = FALSE, alternative)  (no continuity correction)
      expected = list(tau = unname(test$estimate), n = sum(complete.cases(d$x, d$y)), z = unname(test$statistic),
                      p = test$p.value))
  }
}

# Perfect correlation (r = 1: t = Inf, p = 0, degenerate interval) and all ties in one variable.
perfect <- list(x = c(1, 2, 3, 4, 5, 6), y = c(2, 4, 6, 8, 10, 12))
test <- cor.test(perfect$x, perfect$y)
pearson_cases[[length(pearson_cases) + 1]] <- list(
  name = "perfect", x = I(perfect$x), y = I(perfect$y), alternative = "two-sided", confidenceLevel = 0.95,
  expected = list(r = unname(test$estimate), n = 6, df = 4, t = unname(test$statistic), p = test$p.value,
                  ci = I(as.numeric(test$conf.int))))
test <- suppressWarnings(cor.test(perfect$x, -perfect$y, method = "spearman", exact = FALSE))
spearman_cases[[length(spearman_cases) + 1]] <- list(
  name = "perfect_negative", x = I(perfect$x), y = I(-perfect$y), alternative = "two-sided",
  expected = list(rho = unname(test$estimate), n = 6, s = unname(test$statistic), p = test$p.value))

# ---------------------------------------------------------------- partial correlation
partial_cases <- list()
for (k in c(1, 3)) {
  n <- 90
  controls <- replicate(k, round(rnorm(n), 5), simplify = FALSE)
  z_sum <- Reduce(`+`, controls)
  x <- round(0.6 * z_sum + rnorm(n), 5)
  y <- round(0.4 * x - 0.5 * z_sum + rnorm(n), 5)
  x[5] <- NA
  controls[[1]][9] <- NA
  Z <- do.call(cbind, controls)
  keep <- complete.cases(x, y, Z)
  Zk <- Z[keep, , drop = FALSE]
  # R: cor(residuals(lm(x ~ Z)), residuals(lm(y ~ Z))); t and p of x's coefficient in lm(y ~ x + Z)
  r <- cor(residuals(lm(x[keep] ~ Zk)), residuals(lm(y[keep] ~ Zk)))
  fit <- summary(lm(y[keep] ~ x[keep] + Zk))
  t <- fit$coefficients[2, "t value"]
  df <- fit$df[2]
  for (alternative in alternatives) {
    p <- switch(alternative, two.sided = 2 * pt(-abs(t), df), less = pt(t, df), greater = pt(t, df, lower.tail = FALSE))
    partial_cases[[length(partial_cases) + 1]] <- list(
      name = sprintf("controls_%d", k), x = I(x), y = I(y), controls = lapply(controls, I),
      alternative = js_alternative(alternative),
      expected = list(r = r, n = sum(keep), df = df, t = t, p = p))
  }
}

# ---------------------------------------------------------------- correlation matrix and p.adjust
columns <- list()
n <- 70
base <- rnorm(n)
for (name in c("alliance", "disclosure", "hope", "phq9", "gad7")) {
  columns[[name]] <- round(0.5 * base + rnorm(n), 2)
}
columns$phq9 <- round(-columns$phq9 * 3 + 12, 0)
columns$alliance[c(2, 11)] <- NA
columns$hope[c(5, 11, 40)] <- NA
matrix_cases <- list()
variables <- names(columns)
for (method in c("pearson", "spearman", "kendall")) {
  for (adjust in c("none", "holm", "BH")) {
    k <- length(variables)
    estimate <- diag(k)
    pairs_n <- matrix(0, k, k)
    p <- matrix(0, k, k)
    for (i in 1:k) pairs_n[i, i] <- sum(!is.na(columns[[i]]))
    upper <- which(upper.tri(estimate), arr.ind = TRUE)
    upper <- upper[order(upper[, 1], upper[, 2]), , drop = FALSE]
    raw_p <- numeric(nrow(upper))
    for (row in seq_len(nrow(upper))) {
      i <- upper[row, 1]
      j <- upper[row, 2]
      # R: cor.test per pair on its complete cases (pairwise deletion), exact = FALSE for the rank methods
      test <- suppressWarnings(cor.test(columns[[i]], columns[[j]], method = method, exact = FALSE))
      estimate[i, j] <- estimate[j, i] <- unname(test$estimate)
      pairs_n[i, j] <- pairs_n[j, i] <- sum(complete.cases(columns[[i]], columns[[j]]))
      p[i, j] <- p[j, i] <- raw_p[row] <- test$p.value
    }
    adjusted <- p.adjust(raw_p, method = adjust)
    p_adjusted <- matrix(0, k, k)
    for (row in seq_len(nrow(upper))) {
      p_adjusted[upper[row, 1], upper[row, 2]] <- p_adjusted[upper[row, 2], upper[row, 1]] <- adjusted[row]
    }
    to_rows <- function(m) lapply(seq_len(k), function(i) I(m[i, ]))
    matrix_cases[[length(matrix_cases) + 1]] <- list(
      method = method, adjust = adjust,
      expected = list(variables = I(variables), estimate = to_rows(estimate), n = to_rows(pairs_n),
                      p = to_rows(p), pAdjusted = to_rows(p_adjusted)))
  }
}
p_values <- c(0.01, 0.04, 0.04, NA, 0.2, 0.03, 0.5, 0.001, 0.9, 0.04, 1e-8)
padjust_cases <- lapply(c("none", "holm", "BH", "bonferroni"), function(method) {
  # R: p.adjust(p, method)
  list(method = method, p = I(p_values), expected = I(p.adjust(p_values, method = method)))
})

# ---------------------------------------------------------------- repeated-measures correlation (rmcorr)
# The rmcorr package (Bakdash & Marusich 2017) is not packaged for Debian; these are its formulas, from its
# R/rmcorr.R: lmmodel <- lm(Measure2 ~ Participant + Measure1); r = sign(slope) sqrt(SS_x / (SS_x + SS_res))
# from drop1(lmmodel, ~., test = "F"); p from that F test; CI = psych::r.con(r, df.residual, p = CI.level).
rmcorr_reference <- function(subject, x, y, level) {
  keep <- complete.cases(subject, x, y)
  participant <- factor(subject[keep])
  measure1 <- x[keep]
  measure2 <- y[keep]
  old <- options(contrasts = c("contr.sum", "contr.poly"))
  on.exit(options(old))
  model <- lm(measure2 ~ participant + measure1)
  slope <- coef(model)["measure1"]
  df <- model$df.residual
  type3 <- drop1(model, ~., test = "F")
  ss_factor <- type3$"Sum of Sq"[3]
  ss_residual <- type3$RSS[1]
  r <- as.numeric(sign(slope) * sqrt(ss_factor / (ss_factor + ss_residual)))
  list(r = r, df = df, p = type3$"Pr(>F)"[3], ci = I(psych::r.con(r, df, p = level)), n = sum(keep),
       subjects = nlevels(participant), slope = unname(slope))
}
rmcorr_cases <- list()
for (spec in list(list(subjects = 12, level = 0.95), list(subjects = 30, level = 0.9))) {
  counts <- sample(2:7, spec$subjects, replace = TRUE)
  subject <- rep(sprintf("client-%02d", seq_len(spec$subjects)), counts)
  person_mean <- rep(rnorm(spec$subjects, sd = 3), counts)
  x <- round(person_mean + rnorm(length(subject)), 4)
  y <- round(-2 * person_mean + 0.5 * (x - person_mean) + rnorm(length(subject)), 4)
  x[3] <- NA
  subject[8] <- NA
  rmcorr_cases[[length(rmcorr_cases) + 1]] <- list(
    subject = I(subject), x = I(x), y = I(y), confidenceLevel = spec$level,
    expected = rmcorr_reference(subject, x, y, spec$level))
}

# ---------------------------------------------------------------- point-biserial
binary <- rbinom(45, 1, 0.4)
continuous <- round(10 + 2 * binary + rnorm(45, sd = 2), 3)
binary[4] <- NA
point_biserial_cases <- lapply(alternatives, function(alternative) {
  test <- cor.test(binary, continuous, alternative = alternative)
  # R: cor.test(binary, continuous, alternative)
  list(binary = I(binary), continuous = I(continuous), alternative = js_alternative(alternative),
       expected = list(r = unname(test$estimate), n = sum(complete.cases(binary, continuous)),
                       df = unname(test$parameter), t = unname(test$statistic), p = test$p.value,
                       ci = I(as.numeric(test$conf.int))))
})

# ---------------------------------------------------------------- Welch t, Cohen's d, Hedges' g
two_sample <- list(
  list(name = "small", a = round(rnorm(8, 10, 2), 3), b = round(rnorm(11, 12, 4), 3)),
  list(name = "missing", a = c(round(rnorm(30, 0, 1), 4), NA), b = c(NaN, round(rnorm(25, 0.6, 1.5), 4))),
  list(name = "large_separated", a = round(rnorm(400, 5, 1), 4), b = round(rnorm(350, 3, 1.2), 4))
)
welch_cases <- list()
effect_cases <- list()
for (s in two_sample) {
  for (alternative in alternatives) {
    for (level in c(0.95, 0.99)) {
      test <- t.test(s$a, s$b, var.equal = FALSE, alternative = alternative, conf.level = level)
      welch_cases[[length(welch_cases) + 1]] <- list(
        name = s$name, a = I(s$a), b = I(s$b), alternative = js_alternative(alternative), confidenceLevel = level,
        # R: t.test(a, b, var.equal = FALSE, alternative, conf.level)
        expected = list(t = unname(test$statistic), df = unname(test$parameter), p = test$p.value,
                        ci = I(as.numeric(test$conf.int)), meanDifference = unname(test$estimate[1] - test$estimate[2])))
    }
  }
  a <- s$a[!is.na(s$a)]
  b <- s$b[!is.na(s$b)]
  n1 <- length(a)
  n2 <- length(b)
  for (level in c(0.95, 0.9)) {
    # Cohen's d with the pooled sd; variance 1/n1 + 1/n2 + d^2 / (2 (n1 + n2)) (Hedges & Olkin 1985)
    pooled <- sqrt(((n1 - 1) * var(a) + (n2 - 1) * var(b)) / (n1 + n2 - 2))
    d <- (mean(a) - mean(b)) / pooled
    d_var <- 1 / n1 + 1 / n2 + d^2 / (2 * (n1 + n2))
    z <- qnorm(1 - (1 - level) / 2)
    # Hedges' g: metafor::escalc(measure = "SMD") (exact correction via gamma functions, vtype = "LS")
    es <- escalc(measure = "SMD", m1i = mean(a), sd1i = sd(a), n1i = n1, m2i = mean(b), sd2i = sd(b), n2i = n2)
    g <- as.numeric(es$yi)
    g_var <- as.numeric(es$vi)
    effect_cases[[length(effect_cases) + 1]] <- list(
      name = s$name, a = I(s$a), b = I(s$b), confidenceLevel = level,
      expected = list(d = d, dCi = I(d + c(-1, 1) * z * sqrt(d_var)), dVariance = d_var,
                      g = g, gCi = I(g + c(-1, 1) * z * sqrt(g_var)), gVariance = g_var,
                      correction = exp(lgamma((n1 + n2 - 2) / 2) - log(sqrt((n1 + n2 - 2) / 2)) - lgamma((n1 + n2 - 3) / 2))))
  }
}
# Hedges' J for a range of df, from the gamma functions directly where they do not overflow.
correction_cases <- lapply(c(2, 3, 4, 5, 7, 10, 19, 38, 39, 40, 41, 100, 250, 339), function(df) {
  list(df = df, expected = gamma(df / 2) / (sqrt(df / 2) * gamma((df - 1) / 2)))
})

# ---------------------------------------------------------------- two independent correlations
compare_cases <- list()
for (spec in list(c(0.5, 100, 0.3, 120), c(-0.2, 40, 0.45, 35), c(0.9, 2000, 0.2, 3000))) {
  for (alternative in alternatives) {
    z <- (atanh(spec[1]) - atanh(spec[3])) / sqrt(1 / (spec[2] - 3) + 1 / (spec[4] - 3))
    p <- switch(alternative, two.sided = 2 * pnorm(-abs(z)), less = pnorm(z), greater = pnorm(z, lower.tail = FALSE))
    compare_cases[[length(compare_cases) + 1]] <- list(
      first = list(r = spec[1], n = spec[2]), second = list(r = spec[3], n = spec[4]),
      alternative = js_alternative(alternative), expected = list(z = z, p = p))
  }
}

# ---------------------------------------------------------------- descriptive statistics
descriptive_cases <- lapply(list(round(rnorm(25, 50, 10), 3), c(round(runif(40, -1, 1), 6), NA, NaN)), function(v) {
  complete <- v[!is.na(v)]
  # R: mean, var, sd (na.rm = TRUE); acf(x, lag.max = 1)$acf[2] on the series without missing values
  list(values = I(v), expected = list(mean = mean(complete), variance = var(complete), sd = sd(complete),
       lagOne = if (length(complete) == length(v)) acf(v, lag.max = 1, plot = FALSE)$acf[2] else NaN))
})

fixture <- list(
  generatedBy = "libs/stats/reference/correlation.R",
  rVersion = R.version.string,
  packages = list(psych = as.character(packageVersion("psych")), metafor = as.character(packageVersion("metafor"))),
  pearson = pearson_cases, spearman = spearman_cases, kendall = kendall_cases, partial = partial_cases,
  matrix = list(columns = lapply(columns, I), cases = matrix_cases), padjust = padjust_cases,
  rmcorr = rmcorr_cases, pointBiserial = point_biserial_cases, welch = welch_cases, effectSize = effect_cases,
  correction = correction_cases, compare = compare_cases, descriptive = descriptive_cases
)
args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- file.path(dirname(normalizePath(script)), "fixtures", "correlation.json")
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)
writeLines(to_json(fixture), out)
cat("wrote", out, "\n")

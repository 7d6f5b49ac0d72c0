# Reference values for cronbachAlpha, mcdonaldOmega and intraclassCorrelation (libs/stats/src/reliability).
# Run from anywhere: Rscript libs/stats/reference/reliability.R  (R 4.2, psych 2.2.9)
# Writes fixtures/reliability.json.
suppressMessages(library(psych))
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)

# One-factor Likert-type data: n respondents, k items scored 1-5.
likert <- function(n, loadings) {
  f <- rnorm(n)
  sapply(loadings, function(l) {
    latent <- l * f + sqrt(1 - l^2) * rnorm(n)
    as.numeric(cut(latent, c(-Inf, -1.2, -0.4, 0.4, 1.2, Inf)))
  })
}
# Continuous one-factor data, far from zero (tests the two-pass variances).
continuous <- function(n, loadings, offset) {
  f <- rnorm(n)
  sapply(loadings, function(l) offset + l * f + sqrt(1 - l^2) * rnorm(n))
}

alpha_case <- function(name, x, x_with_missing = x) {
  complete <- na.omit(x)
  a <- psych::alpha(as.data.frame(complete), check.keys = FALSE, warnings = FALSE)
  ci90 <- psych::alpha.ci(a$total$raw_alpha, nrow(complete), ncol(complete), p.val = 0.10)
  # Omega total from factanal(factors = 1) with the L-BFGS-B tolerance tightened (factr = 1, pgtol = 0) so that the
  # reference is the optimum to about machine precision rather than to the default tolerance.
  # (L-BFGS-B sometimes reports failure at factr = 1; the next tolerance is then used.)
  fa <- NULL
  for (factr in c(1, 10, 100, 1000)) {
    fa <- tryCatch(factanal(covmat = cor(complete), factors = 1, n.obs = nrow(complete),
                            control = list(opt = list(factr = factr, pgtol = 0, maxit = 10000))),
                   error = function(e) NULL)
    if (!is.null(fa)) break
  }
  fa_default <- factanal(covmat = cor(complete), factors = 1, n.obs = nrow(complete))
  omega_of <- function(loadings, uniquenesses) {
    loadings <- abs(sum(loadings))
    loadings^2 / (loadings^2 + sum(uniquenesses))
  }
  omega <- omega_of(as.numeric(fa$loadings), fa$uniquenesses)
  omega_default <- omega_of(as.numeric(fa_default$loadings), fa_default$uniquenesses)
  # Polish: iterate factanal's stationarity condition (zero gradient, diag(L L' + Psi) = diag(R)), i.e.
  # Psi <- max(0.005, 1 - L(Psi)^2) with factanal's own FAout and lower bound, from factanal's solution, to machine
  # precision (at the bound this is the Kuhn-Tucker condition of factanal's bounded problem).
  fa_out <- function(psi, S) {
    sc <- diag(1 / sqrt(psi))
    e <- eigen(sc %*% S %*% sc, symmetric = TRUE)
    sqrt(psi) * e$vectors[, 1] * sqrt(max(e$values[1] - 1, 0))
  }
  psi <- fa$uniquenesses
  for (i in 1:100000) {
    next_psi <- pmax(0.005, 1 - fa_out(psi, cor(complete))^2)
    if (max(abs(next_psi - psi)) < 1e-16) break
    psi <- next_psi
  }
  polished_loadings <- fa_out(psi, cor(complete))
  omega_polished <- omega_of(polished_loadings, psi)
  loadings <- as.numeric(fa$loadings)
  if (sum(loadings) < 0) loadings <- -loadings
  list(
    name = name,
    items = x_with_missing,
    n = nrow(complete),
    alpha = a$total$raw_alpha,
    standardized = a$total$std.alpha,
    averageCorrelation = a$total$average_r,
    ci = as.numeric(c(a$feldt$lower.ci, a$feldt$upper.ci)),
    ci90 = as.numeric(c(ci90$lower.ci, ci90$upper.ci)),
    omega = omega,
    omegaFactanalDefaultTolerance = omega_default,
    omegaPolished = omega_polished,
    loadings = as_array(loadings),
    uniquenesses = as_array(as.numeric(fa$uniquenesses))
  )
}

likert_items <- likert(150, c(0.8, 0.7, 0.75, 0.6, 0.65, 0.5))
with_missing <- likert_items
with_missing[c(3, 40, 77), c(2, 5, 1)] <- NA
continuous_items <- continuous(80, c(0.9, 0.8, 0.7, 0.6), 1e6)
small <- likert(12, c(0.7, 0.6, 0.8))

# A Heywood case: one item almost equal to the factor, so factanal's uniqueness sits on its 0.005 bound
# (drawn until that happens; deterministic under the seed).
repeat {
  heywood <- continuous(40, c(0.995, 0.7, 0.6, 0.5, 0.4), 0)
  if (min(factanal(covmat = cor(heywood), factors = 1, n.obs = 40)$uniquenesses) <= 0.005 + 1e-9) break
}

alpha_cases <- list(
  alpha_case("likert 150 x 6", likert_items),
  alpha_case("likert 150 x 6 with three incomplete rows", likert_items[complete.cases(with_missing), ], with_missing),
  alpha_case("continuous 80 x 4, offset 1e6", continuous_items),
  alpha_case("likert 12 x 3", small),
  alpha_case("continuous 40 x 5, Heywood case (uniqueness at 0.005)", heywood)
)

icc_case <- function(name, x, x_with_missing = x) {
  complete <- na.omit(x)
  r <- psych::ICC(as.data.frame(complete), lmer = FALSE)$results
  r90 <- psych::ICC(as.data.frame(complete), lmer = FALSE, alpha = 0.10)$results
  out <- list(name = name, ratings = x_with_missing, n = nrow(complete))
  for (i in seq_len(nrow(r))) {
    out[[r$type[i]]] <- list(
      value = r$ICC[i], F = r$F[i], df1 = r$df1[i], df2 = r$df2[i],
      p = r$p[i],
      # psych computes p as -expm1(log cdf); the direct upper tail is the exact reference for our p.
      pUpperTail = pf(r$F[i], r$df1[i], r$df2[i], lower.tail = FALSE),
      ci = c(r$`lower bound`[i], r$`upper bound`[i]),
      ci90 = c(r90$`lower bound`[i], r90$`upper bound`[i])
    )
  }
  out
}

# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
shrout_fleiss <- matrix(c(9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8, 7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7), ncol = 4, byrow = TRUE)
subjects <- rnorm(40, 50, 10)
rater_bias <- c(0, 2, -1, 3, 1)
raters <- sapply(rater_bias, function(b) subjects + b + rnorm(40, 0, 5))
raters_missing <- raters
raters_missing[c(5, 18), c(1, 4)] <- NA
strong <- sapply(c(0, 0.1, -0.1), function(b) subjects + b + rnorm(40, 0, 0.05))

icc_cases <- list(
  icc_case("Shrout & Fleiss 1979 table 2", shrout_fleiss),
  icc_case("40 subjects x 5 raters with bias", raters),
  icc_case("40 subjects x 5 raters, two incomplete rows", raters[complete.cases(raters_missing), ], raters_missing),
  icc_case("near-perfect agreement (tiny p)", strong)
)

write_fixture(list(alpha = alpha_cases, icc = icc_cases), "reliability.json")
cat("wrote", file.path(fixture_dir, "reliability.json"), "\n")

# Reference values for itemStatistics, parallelAnalysis, exploratoryFactorAnalysis, obliminRotation and
# omegaHierarchical (libs/stats/src/scale-validation).
# Run from anywhere: Rscript libs/stats/reference/scale-validation.R  (R 4.2, psych 2.2.9, GPArotation 2022.10-2;
# Debian: apt-get install r-cran-psych r-cran-gparotation)
# Writes fixtures/scale-validation.json and the data sets it was computed on, fixtures/scale-validation-*.csv.
#
# Two references per factor solution:
# - `psych`: what psych prints with its defaults (fa, omega, fa.parallel). psych stops its optimisers early:
#   L-BFGS-B at its default factr for the extraction, GPArotation's GPFoblq at eps = 1e-5 for the rotation, so its
#   numbers are about 1e-5 away from the optimum of its own criteria.
# - `converged`: psych's own criteria, bounds, starting values and post-processing (below, each a copy of psych's code
#   with the tolerance tightened), solved to convergence: L-BFGS-B with factr = 1 and pgtol = 0, then Newton steps on
#   psych's gradient (central-difference Jacobian) until the step is below 1e-13; GPArotation::oblimin with
#   eps = 1e-9 and at most 300 iterations (it stalls near 2e-9, where the criterion no longer resolves its own
#   decrease). The script checks that the post-processing copy reproduces psych's fa() and omega() exactly when given
#   psych's own unrotated solution.
suppressMessages({
  library(psych)
  library(GPArotation)
})
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")
# fa.parallel simulates in parallel::mclapply, whose forked workers reseed themselves (from the clock and the process
# id) unless the generator is L'Ecuyer's: one core runs the iterations in this process, on this seed.
options(mc.cores = 1)

set.seed(20261208)

# ---------------------------------------------------------------------------------------------------------------
# Data: items from a factor model x = lambda * f[group] + sqrt(1 - lambda^2) * e with correlated normal factors.
simulate <- function(n, loadings, group, phi) {
  factors <- matrix(rnorm(n * ncol(phi)), n) %*% chol(phi)
  sapply(seq_along(loadings), function(j) loadings[j] * factors[, group[j]] + sqrt(1 - loadings[j]^2) * rnorm(n))
}
# Likert 1-5 by thresholds on the latent response.
symmetric_cuts <- c(-Inf, -1.2, -0.4, 0.4, 1.2, Inf)
floor_cuts <- c(-Inf, -0.2, 0.4, 1.0, 1.6, Inf) # most answers at 1
ceiling_cuts <- c(-Inf, -1.6, -1.0, -0.4, 0.2, Inf) # most answers at 5
likert <- function(x, cuts) sapply(seq_len(ncol(x)), function(j) as.numeric(cut(x[, j], cuts[[j]])))

write_csv_fixture <- function(x, name) {
  text <- apply(x, 1, function(row) paste(ifelse(is.na(row), "", sprintf("%.17g", row)), collapse = ","))
  writeLines(c(paste(sprintf("item%d", seq_len(ncol(x))), collapse = ","), text), file.path(fixture_dir, name))
  name
}

phi3 <- matrix(c(1, .5, .4, .5, 1, .3, .4, .3, 1), 3)
continuous3 <- simulate(
  300, c(.8, .7, .6, .5, .75, .65, .55, .7, .6, .8, .7, .6, .5, .75), rep(1:3, c(5, 5, 4)), phi3
)

likert_latent <- simulate(250, c(.75, .7, .65, .6, .7, .6, .75, .55, .8, .65, .6, .7), rep(1:3, each = 4), phi3)
likert_latent[, 4] <- -likert_latent[, 4] # a reverse-worded item, left unreversed: negative item-total correlation
likert_cuts <- rep(list(symmetric_cuts), 12)
likert_cuts[c(2, 7)] <- list(floor_cuts)
likert_cuts[c(5, 11)] <- list(ceiling_cuts)
likert3 <- likert(likert_latent, likert_cuts)
likert3_with_missing <- likert3
likert3_with_missing[cbind(c(4, 19, 77, 120, 121, 230), c(1, 6, 12, 3, 3, 9))] <- NA
likert3_complete <- likert3[complete.cases(likert3_with_missing), ]

phi4 <- matrix(c(1, .6, .45, .3, .6, 1, .5, .4, .45, .5, 1, .35, .3, .4, .35, 1), 4)
continuous4 <- simulate(400, c(.8, .7, .6, .55, .75, .65, .7, .5, .6, .8, .7, .65, .75, .6, .55, .7), rep(1:4, each = 4), phi4)

# A Heywood case: one item almost equal to its factor, so that both minres and ML put its uniqueness on psych's
# lower bound 0.005 (drawn until that happens; deterministic under the seed).
repeat {
  heywood <- simulate(150, c(.99, .7, .6, .5, .65, .55, .7, .6, .7, .6, .5, .75), rep(1:3, each = 4), phi3)
  minres_fit <- suppressWarnings(fa(heywood, 3, fm = "minres", rotate = "none", warnings = FALSE))
  ml_fit <- suppressWarnings(fa(heywood, 3, fm = "ml", rotate = "none", warnings = FALSE))
  if (min(1 - minres_fit$communalities) <= 0.005 + 1e-9 && min(1 - ml_fit$communalities) <= 0.005 + 1e-9) break
}

data_files <- list(
  continuous3 = write_csv_fixture(continuous3, "scale-validation-three-factors-300.csv"),
  likert3 = write_csv_fixture(likert3_with_missing, "scale-validation-likert-250.csv"),
  continuous4 = write_csv_fixture(continuous4, "scale-validation-four-factors-400.csv"),
  heywood = write_csv_fixture(heywood, "scale-validation-heywood-150.csv")
)

# ---------------------------------------------------------------------------------------------------------------
# Item statistics: psych::alpha on the complete rows (listwise deletion, as cronbachAlpha).
item_case <- function(name, file, x, columns, minimum, maximum) {
  complete <- na.omit(x[, columns, drop = FALSE])
  # (psych::alpha prints a note on continuous data, where it cannot count response frequencies.)
  invisible(capture.output(a <- suppressMessages(psych::alpha(as.data.frame(complete), check.keys = FALSE, warnings = FALSE))))
  list(
    name = name, file = file, columns = as_array(columns - 1), minimum = minimum, maximum = maximum,
    n = nrow(complete),
    alpha = a$total$raw_alpha,
    mean = as_array(as.numeric(a$item.stats$mean)),
    sd = as_array(as.numeric(a$item.stats$sd)),
    correctedItemTotal = as_array(as.numeric(a$item.stats$r.drop)),
    alphaIfDeleted = as_array(as.numeric(a$alpha.drop$raw_alpha)),
    floor = as_array(as.numeric(colMeans(complete == minimum))),
    ceiling = as_array(as.numeric(colMeans(complete == maximum)))
  )
}
item_cases <- list(
  item_case("likert 12 items, a reverse-worded item, six missing cells", data_files$likert3, likert3_with_missing, 1:12, 1, 5),
  item_case("likert subscale 2 (items 5-8: a ceiling and a floor item)", data_files$likert3, likert3_with_missing, 5:8, 1, 5),
  item_case("likert subscale 3 (items 9-12), scale range 0-6 (no answer at either end)", data_files$likert3, likert3_with_missing, 9:12, 0, 6),
  item_case("continuous 14 items (range of the data)", data_files$continuous3, continuous3, 1:14, min(continuous3), max(continuous3))
)

# ---------------------------------------------------------------------------------------------------------------
# psych's extraction criteria, as in psych:::fac (fit.residuals / FAgr.minres for minres, FAfn / FAgr for ml).
# minres: psych's gradient diag(L L' + Psi - R) is half the gradient of the full ULS criterion, the sum of the squared
# eigenvalues of R - diag(Psi) outside the first nfactors (psych's objective, the off-diagonal residuals, has the same
# minimiser inside the bounds; at a bound psych's L-BFGS-B follows the gradient, so this is the criterion solved).
minres_loadings <- function(psi, R, nf) {
  S <- R
  diag(S) <- 1 - psi
  e <- eigen(S, symmetric = TRUE)
  e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf], 0)), nf)
}
ml_loadings <- function(psi, R, nf) {
  sc <- diag(1 / sqrt(psi))
  e <- eigen(sc %*% R %*% sc, symmetric = TRUE)
  diag(sqrt(psi)) %*% e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf] - 1, 0)), nf)
}
criteria <- list(
  minres = list(
    value = function(psi, R, nf) {
      S <- R
      diag(S) <- 1 - psi
      e <- eigen(S, symmetric = TRUE, only.values = TRUE)$values
      sum(e[-(1:nf)]^2) + sum(pmin(e[1:nf], 0)^2)
    },
    gradient = function(psi, R, nf) 2 * (rowSums(minres_loadings(psi, R, nf)^2) + psi - 1),
    loadings = minres_loadings
  ),
  ml = list(
    value = function(psi, R, nf) {
      sc <- diag(1 / sqrt(psi))
      e <- eigen(sc %*% R %*% sc, symmetric = TRUE, only.values = TRUE)$values[-(1:nf)]
      sum(e - log(e) - 1)
    },
    gradient = function(psi, R, nf) (rowSums(ml_loadings(psi, R, nf)^2) + psi - 1) / psi^2,
    loadings = ml_loadings
  )
)

converged_uniquenesses <- function(R, nf, fm) {
  criterion <- criteria[[fm]]
  p <- ncol(R)
  start <- pmin(1, pmax(0.005, 1 - smc(R))) # psych: diag(S) - smc(S), projected into the bounds by L-BFGS-B
  fit <- optim(start, criterion$value, criterion$gradient, R = R, nf = nf, method = "L-BFGS-B",
               lower = 0.005, upper = 1, control = list(factr = 1, pgtol = 0, maxit = 10000, parscale = rep(0.01, p)))
  psi <- fit$par
  for (i in 1:30) {
    g <- criterion$gradient(psi, R, nf)
    free <- !((psi <= 0.005 & g > 0) | (psi >= 1 & g < 0))
    jacobian <- sapply(which(free), function(j) {
      h <- 1e-6 * psi[j]
      up <- psi
      down <- psi
      up[j] <- up[j] + h
      down[j] <- down[j] - h
      (criterion$gradient(up, R, nf) - criterion$gradient(down, R, nf)) / (2 * h)
    })[free, , drop = FALSE]
    step <- solve(jacobian, g[free])
    psi[free] <- pmin(1, pmax(0.005, psi[free] - step))
    if (max(abs(step)) < 1e-13) break
  }
  psi
}

# fac's post-processing of unrotated loadings (sign, oblimin, sign, order by variance accounted for), its variance
# table and factor.stats' fit statistics; eps is GPArotation's convergence criterion (psych passes fa's ... on).
post_process <- function(R, unrotated, n, eps = 1e-5) {
  nf <- ncol(unrotated)
  signs <- sign(colSums(unrotated))
  signs[signs == 0] <- 1
  unrotated <- unrotated %*% diag(signs, nf)
  loadings <- unrotated
  Phi <- diag(nf)
  if (nf > 1) {
    rotated <- suppressWarnings(GPArotation::oblimin(unrotated, eps = eps, maxit = if (eps < 1e-5) 300 else 1000))
    loadings <- rotated$loadings
    Phi <- rotated$Phi
  }
  signs <- sign(colSums(loadings))
  signs[signs == 0] <- 1
  loadings <- loadings %*% diag(signs, nf)
  Phi <- diag(signs, nf) %*% Phi %*% diag(signs, nf)
  order <- order(diag(Phi %*% t(loadings) %*% loadings), decreasing = TRUE)
  loadings <- loadings[, order, drop = FALSE]
  Phi <- Phi[order, order, drop = FALSE]
  communality <- rowSums(unrotated^2)
  ss <- diag(Phi %*% t(loadings) %*% loadings)
  stats <- suppressWarnings(psych::factor.stats(R, loadings, Phi, n.obs = n, alpha = 0.1))
  list(
    loadings = unname(loadings), Phi = unname(Phi), communality = as_array(unname(communality)),
    uniquenesses = as_array(unname(1 - communality)),
    ssLoadings = as_array(unname(ss)), proportionVar = as_array(unname(ss / ncol(R))),
    cumulativeVar = as_array(unname(cumsum(ss / ncol(R)))), proportionExplained = as_array(unname(ss / sum(ss))),
    cumulativeProportion = as_array(unname(cumsum(ss / sum(ss)))),
    objective = stats$objective, chiSquare = stats$STATISTIC, df = stats$dof, pValue = stats$PVAL,
    rmsea = unname(stats$RMSEA[1]), tli = stats$TLI, bic = stats$BIC
  )
}

efa_case <- function(name, file, x, nf, fm) {
  complete <- na.omit(x)
  R <- cor(complete)
  n <- nrow(complete)
  f <- suppressWarnings(fa(complete, nf, fm = fm, rotate = "oblimin", warnings = FALSE))
  f_unrotated <- suppressWarnings(fa(complete, nf, fm = fm, rotate = "none", warnings = FALSE))
  # The copy of fac's post-processing on psych's own unrotated solution must give psych's fa() output.
  copy <- post_process(R, unclass(f_unrotated$loadings), n)
  stopifnot(max(abs(copy$loadings - unclass(f$loadings))) < 1e-12, nf == 1 || max(abs(copy$Phi - f$Phi)) < 1e-12,
            abs(copy$chiSquare - f$STATISTIC) < 1e-9 * f$STATISTIC)
  psi <- converged_uniquenesses(R, nf, fm)
  converged <- post_process(R, criteria[[fm]]$loadings(psi, R, nf), n, eps = 1e-9)
  converged$boundItems <- as_array(which(psi <= 0.005) - 1)
  converged$fittedUniquenesses <- as_array(psi)
  list(
    name = name, file = file, n = n, factors = nf, method = fm,
    psych = list(
      loadings = unname(unclass(f$loadings)), Phi = if (nf > 1) unname(f$Phi) else matrix(1),
      communality = as_array(unname(f$communality)), uniquenesses = as_array(unname(f$uniquenesses)),
      ssLoadings = as_array(unname(f$Vaccounted[1, ])), objective = f$objective, chiSquare = f$STATISTIC,
      df = f$dof, pValue = f$PVAL, rmsea = unname(f$RMSEA[1]), tli = f$TLI, bic = f$BIC,
      fittedUniquenesses = as_array(unname(1 - f$communalities))
    ),
    converged = converged
  )
}
efa_cases <- list(
  efa_case("continuous 300 x 14, 3 factors, minres", data_files$continuous3, continuous3, 3, "minres"),
  efa_case("continuous 300 x 14, 3 factors, ml", data_files$continuous3, continuous3, 3, "ml"),
  efa_case("likert 250 x 12 with missing cells, 3 factors, minres", data_files$likert3, likert3_with_missing, 3, "minres"),
  efa_case("likert 250 x 12 with missing cells, 3 factors, ml", data_files$likert3, likert3_with_missing, 3, "ml"),
  efa_case("continuous 400 x 16, 4 factors, minres", data_files$continuous4, continuous4, 4, "minres"),
  efa_case("continuous 400 x 16, 4 factors, ml", data_files$continuous4, continuous4, 4, "ml"),
  efa_case("continuous 300 x 14, 1 factor, minres", data_files$continuous3, continuous3, 1, "minres"),
  efa_case("continuous 300 x 14, 2 factors, ml", data_files$continuous3, continuous3, 2, "ml"),
  efa_case("Heywood case 150 x 12, 3 factors, minres (item 1 on the 0.005 bound)", data_files$heywood, heywood, 3, "minres"),
  efa_case("Heywood case 150 x 12, 3 factors, ml (item 1 on the 0.005 bound)", data_files$heywood, heywood, 3, "ml")
)

# ---------------------------------------------------------------------------------------------------------------
# oblimin on given loadings, raw GPArotation output (no sign or order convention), gamma 0 (quartimin) and 0.5.
rotation_case <- function(name, unrotated, gamma) {
  default <- GPArotation::oblimin(unrotated, gam = gamma)
  tight <- suppressWarnings(GPArotation::oblimin(unrotated, gam = gamma, eps = 1e-9, maxit = 300))
  list(
    name = name, gamma = gamma, unrotated = unname(unrotated),
    loadings = unname(tight$loadings), Phi = unname(tight$Phi), rotation = unname(tight$Th),
    defaultLoadings = unname(default$loadings), defaultPhi = unname(default$Phi)
  )
}
unrotated3 <- criteria$minres$loadings(converged_uniquenesses(cor(continuous3), 3, "minres"), cor(continuous3), 3)
unrotated4 <- criteria$minres$loadings(converged_uniquenesses(cor(continuous4), 4, "minres"), cor(continuous4), 4)
rotation_cases <- list(
  rotation_case("minres loadings of continuous 300 x 14, quartimin", unrotated3, 0),
  rotation_case("minres loadings of continuous 400 x 16, quartimin", unrotated4, 0),
  rotation_case("minres loadings of continuous 300 x 14, gamma 0.5", unrotated3, 0.5)
)

# ---------------------------------------------------------------------------------------------------------------
# Omega hierarchical: psych::omega (schmid: minres, varimax, then oblimin from the varimax solution; a one-factor
# minres fit of the factor correlations for the general factor; Schmid-Leiman; omegah's formulas).
schmid_leiman <- function(R, oblique, Phi, communality, gload) {
  g <- as.numeric(oblique %*% gload)
  group <- sign(oblique) * sqrt(pmax(oblique^2 - (oblique %*% diag(gload))^2, 0))
  key <- sign(g)
  key[key == 0] <- 1
  flipped <- diag(key) %*% R %*% diag(key)
  g <- key * g
  group <- diag(key) %*% group
  Vt <- sum(flipped)
  u2 <- 1 - communality
  sub <- apply(group, 1, function(row) which.max(abs(row)))
  groups <- lapply(seq_len(ncol(group)), function(j) {
    members <- which(sub == j)
    if (length(members) == 0) return(list(items = as_array(integer(0)), total = NaN, general = NaN, group = NaN))
    Vgr <- sum(flipped[members, members])
    list(items = as_array(members - 1), total = (sum(group[members, j])^2 + sum(g[members])^2) / Vgr,
         general = sum(g[members])^2 / Vgr, group = sum(group[members, j])^2 / Vgr)
  })
  ev <- colSums(cbind(g, group)^2)
  list(
    omegaHierarchical = sum(g)^2 / Vt, omegaTotal = (Vt - sum(u2)) / Vt, omegaLimit = sum(g)^2 / (Vt - sum(u2)),
    explainedCommonVariance = ev[1] / sum(ev), generalLoadings = as_array(g), groupLoadings = unname(group),
    communalities = as_array(unname(communality)), uniquenesses = as_array(unname(u2)),
    generalLoadingsOfGroupFactors = as_array(unname(gload)), reversed = as_array(which(key < 0) - 1),
    groups = groups
  )
}

omega_case <- function(name, file, x, nf) {
  complete <- na.omit(x)
  R <- cor(complete)
  om <- omega(complete, nf, fm = "minres", plot = FALSE)
  # The copy of the Schmid-Leiman step on psych's own oblique solution must give psych's omega() output.
  copy <- schmid_leiman(R, om$schmid$oblique, om$schmid$phi, om$schmid$sl[, "h2"], as.numeric(om$schmid$gloading))
  stopifnot(abs(copy$omegaHierarchical - om$omega_h) < 1e-14, abs(copy$omegaTotal - om$omega.tot) < 1e-14,
            max(abs(copy$generalLoadings - abs(om$schmid$sl[, 1]))) < 1e-14)
  # Converged: oblimin from the varimax start (as schmid) and from the unrotated start (as fa) reach the same
  # optimum; the one-factor minres fit of Phi solved to convergence as above.
  psi <- converged_uniquenesses(R, nf, "minres")
  unrotated <- criteria$minres$loadings(psi, R, nf)
  from_unrotated <- post_process(R, unrotated, nrow(complete), eps = 1e-9)
  varimax_loadings <- unclass(varimax(unrotated)$loadings)
  varimax_loadings <- varimax_loadings %*% diag(ifelse(colSums(varimax_loadings) < 0, -1, 1)) # fac's sign rule
  from_varimax <- suppressWarnings(GPArotation::oblimin(varimax_loadings, eps = 1e-9, maxit = 300))
  oblique <- from_varimax$loadings
  Phi <- from_varimax$Phi
  match <- sapply(seq_len(nf), function(j) which.max(abs(t(from_unrotated$loadings) %*% oblique[, j])))
  stopifnot(max(abs(abs(from_unrotated$loadings[, match]) - abs(oblique))) < 1e-7)
  phi_psi <- converged_uniquenesses(Phi, 1, "minres")
  gload <- as.numeric(criteria$minres$loadings(phi_psi, Phi, 1))
  if (sum(gload) < 0) gload <- -gload
  converged <- schmid_leiman(R, oblique, Phi, rowSums(unrotated^2), gload)
  list(
    name = name, file = file, n = nrow(complete), groupFactors = nf,
    psych = list(
      omegaHierarchical = om$omega_h, omegaTotal = om$omega.tot, omegaLimit = om$omega.lim,
      explainedCommonVariance = unname(om$ECV), generalLoadings = as_array(unname(om$schmid$sl[, 1])),
      groupLoadings = unname(om$schmid$sl[, 2:(nf + 1)]), communalities = as_array(unname(om$schmid$sl[, "h2"])),
      generalLoadingsOfGroupFactors = as_array(as.numeric(om$schmid$gloading)),
      reversed = as_array(which(om$key < 0) - 1),
      groupOmegas = unname(as.matrix(om$omega.group)),
      groupItems = lapply(seq_len(nf), function(j) {
        sub <- apply(om$schmid$sl[, 2:(nf + 1)], 1, function(row) which.max(abs(row)))
        as_array(unname(which(sub == j)) - 1)
      })
    ),
    converged = converged
  )
}
omega_cases <- list(
  omega_case("continuous 300 x 14, 3 group factors", data_files$continuous3, continuous3, 3),
  omega_case("likert 250 x 12 with missing cells, 3 group factors (a reverse-worded item)", data_files$likert3, likert3_with_missing, 3),
  omega_case("continuous 400 x 16, 4 group factors", data_files$continuous4, continuous4, 4)
)

# ---------------------------------------------------------------------------------------------------------------
# Parallel analysis: fa.parallel on the correlation matrix with n.obs (simulation from normal data only, as ours;
# with raw data psych also resamples, which changes neither the simulated values nor its decision). The observed
# factor eigenvalues are those of R with the communalities of a one-factor minres fit on the diagonal.
quantile_grid <- seq(0.7, 1, by = 0.01)
parallel_case <- function(name, file, x, iterations) {
  complete <- na.omit(x)
  R <- cor(complete)
  nv <- ncol(R)
  # (psych warns about factor-score weights and ultra-Heywood cases of the one-factor fits of simulated data sets.)
  invisible(capture.output(pa <- suppressWarnings(fa.parallel(R, n.obs = nrow(complete), fm = "minres", fa = "both",
                                                              n.iter = iterations, plot = FALSE))))
  simulated <- pa$values
  psi <- converged_uniquenesses(R, 1, "minres")
  reduced <- R
  diag(reduced) <- rowSums(criteria$minres$loadings(psi, R, 1)^2)
  # Quantiles on a grid of probabilities, for the distribution-free comparison of the spec: the first simulated
  # factor eigenvalue is bimodal (a one-factor minres fit of random data is a Heywood case in about 7% of the data
  # sets, with an eigenvalue near 1), so its 95th percentile has no normal-theory standard error.
  summary_of <- function(columns) list(
    mean = as_array(unname(colMeans(simulated[, columns]))),
    sd = as_array(unname(apply(simulated[, columns], 2, sd))),
    quantile95 = as_array(unname(apply(simulated[, columns], 2, quantile, 0.95))),
    quantileGrid = unname(t(apply(simulated[, columns], 2, quantile, probs = quantile_grid)))
  )
  list(
    name = name, file = file, n = nrow(complete), iterations = iterations, quantileGrid = as_array(quantile_grid),
    componentsObserved = as_array(pa$pc.values), factorsObservedPsych = as_array(pa$fa.values),
    factorsObserved = as_array(eigen(reduced, symmetric = TRUE, only.values = TRUE)$values),
    components = summary_of(1:nv), factors = summary_of((nv + 1):(2 * nv)),
    suggestedComponents = pa$ncomp, suggestedFactors = pa$nfact
  )
}
parallel_cases <- list(
  parallel_case("continuous 300 x 14 (3 factors)", data_files$continuous3, continuous3, 500),
  parallel_case("continuous 400 x 16 (4 factors)", data_files$continuous4, continuous4, 500)
)

write_fixture(list(
  rVersion = R.version.string,
  packages = list(psych = as.character(packageVersion("psych")), GPArotation = as.character(packageVersion("GPArotation"))),
  data = data_files,
  itemStatistics = item_cases,
  factorAnalysis = efa_cases,
  oblimin = rotation_cases,
  omega = omega_cases,
  parallelAnalysis = parallel_cases
), "scale-validation.json")
cat("wrote", file.path(fixture_dir, "scale-validation.json"), "\n")

# Reference values for cohensKappa (libs/stats/src/agreement).
# Run from anywhere: Rscript libs/stats/reference/agreement.R  (R 4.2, psych 2.2.9)
# Writes fixtures/agreement.json: each case holds the two raters' codes (NA as null) and psych::cohen.kappa's
# unweighted kappa, var.kappa and confid row (95% and 90%), after pairwise deletion (na.omit).
# psych reports no test: z = kappa / sqrt(var.kappa) and p = 2 pnorm(-|z|) are written out here.
suppressMessages(library(psych))
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

set.seed(20261129)

# Rater B copies rater A with probability `agree`, otherwise draws from `probs` (imbalanced when probs are).
rate <- function(n, categories, probs, agree) {
  a <- sample(categories, n, replace = TRUE, prob = probs)
  b <- ifelse(runif(n) < agree, a, sample(categories, n, replace = TRUE, prob = probs))
  list(a = a, b = b)
}

cases <- list()
add_case <- function(name, a, b) {
  keep <- !(is.na(a) | is.na(b))
  ck <- suppressWarnings(cohen.kappa(cbind(a[keep], b[keep])))
  confid90 <- suppressWarnings(cohen.kappa(cbind(a[keep], b[keep]), alpha = 0.10))$confid
  tab <- table(factor(a[keep], levels = sort(unique(c(a[keep], b[keep])))),
               factor(b[keep], levels = sort(unique(c(a[keep], b[keep])))))
  p <- tab / sum(tab)
  po <- sum(diag(p))
  pe <- sum(rowSums(p) * colSums(p))
  z <- ck$kappa / sqrt(ck$var.kappa)
  cases[[length(cases) + 1]] <<- list(
    name = name,
    a = as_array(a), b = as_array(b),
    n = sum(keep),
    kappa = ck$kappa,
    var = ck$var.kappa,
    se = sqrt(ck$var.kappa),
    observedAgreement = po,
    expectedAgreement = pe,
    ci = as_array(unname(ck$confid[1, c(1, 3)])),
    ci90 = as_array(unname(confid90[1, c(1, 3)])),
    z = z,
    p = 2 * pnorm(-abs(z))
  )
}

# Binary codes (numbers), moderate agreement.
binary <- rate(60, c(0, 1), c(0.5, 0.5), 0.6)
add_case("binary_60", binary$a, binary$b)
# Binary, strings, with missing codes on both sides.
yes_no <- rate(40, c("no", "yes"), c(0.6, 0.4), 0.5)
yes_no$a[c(3, 17)] <- NA
yes_no$b[c(8, 17, 29)] <- NA
add_case("binary_strings_missing", yes_no$a, yes_no$b)
# Three and five categories.
three <- rate(90, c("low", "mid", "high"), c(0.3, 0.4, 0.3), 0.55)
add_case("three_categories_90", three$a, three$b)
five <- rate(200, 1:5, c(0.1, 0.2, 0.3, 0.25, 0.15), 0.4)
add_case("five_categories_200", five$a, five$b)
# Heavily imbalanced binary (rare category), many ties.
rare <- rate(150, c(0, 1), c(0.92, 0.08), 0.5)
add_case("imbalanced_rare_150", rare$a, rare$b)
# A category used by one rater only.
one_sided <- list(a = c(1, 1, 2, 2, 3, 1, 2, 1, 2, 1, 1, 2), b = c(1, 1, 2, 2, 2, 1, 2, 3, 2, 1, 2, 2))
add_case("category_one_rater_only", one_sided$a, one_sided$b)
# Agreement below chance (negative kappa).
add_case("negative", c(1, 1, 1, 2, 2, 2, 1, 2, 1, 2), c(2, 2, 1, 1, 1, 2, 2, 1, 2, 1))
# Textbook example: 0.8 observed, 0.48 expected.
add_case("small_example", c("yes", "yes", "no", "no", "yes"), c("yes", "no", "no", "no", "yes"))
# Perfect agreement, three categories (var.kappa is 0 up to rounding).
perfect <- sample(c("a", "b", "c"), 30, replace = TRUE)
add_case("perfect_agreement", perfect, perfect)

write_fixture(list(kappa = cases), "agreement.json")

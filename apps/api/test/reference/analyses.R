# Reference values for the analysis endpoints `correlations` and `within-person` (apps/api/src/analyses), issue 16:
# the numbers apps/api/test/analyses-reference.spec.ts expects, computed by base R from the generated data set.
#
# Run from the repository root (R 4.2, base R only):
#   node apps/api/test/reference/write-analyses-dataset.mjs   # the two CSV files, from the demo generator
#   Rscript apps/api/test/reference/analyses.R                # writes analyses.json beside them
# `Rscript analyses.R <folder>` reads the CSV files from <folder> and writes analyses.json there (the drift check,
# scripts/check-r-fixtures.mjs, regenerates into a temporary folder this way). JSON: 17 significant digits, by
# libs/stats/reference/json.R.
#
# The rules are written out here from what the endpoints promise, not copied from the TypeScript:
# - withdrawn clients are left out; the filters keep one cohort or one practitioner's clients;
# - correlation table: per client the mean over their sessions of each session measure (sessions where it exists;
#   the end-of-treatment alliance is no session), PHQ-9 and GAD-7 at baseline and end, and change = end - baseline;
#   every pair with pairwise deletion; a pair with fewer than KLIK_ANALYSIS_MIN_N (10) complete clients is
#   suppressed; Pearson: cor.test's t test and Fisher-z interval; Spearman: cor.test(exact = FALSE), the t
#   approximation with average ranks; Kendall: tau-b with the tie-corrected normal approximation of
#   cor.test(exact = FALSE, continuity = FALSE) (see kendall_test); no interval for Spearman and Kendall (the API
#   reports none). Holm and BH with p.adjust over the family of the pairs that are shown (suppressed pairs are no
#   test);
# - within-person: the sessions where both measures exist; suppressed under 10 clients. Repeated-measures
#   correlation (Bakdash & Marusich 2017) as the ANCOVA lm(y ~ factor(client) + x): r = sign(slope) *
#   sqrt(SS_x / (SS_x + SS_residual)), df = N - k - 1, p = the F test of x, interval tanh(atanh(r) +/- z_.975 /
#   sqrt(df - 3)) (rmcorr's, psych::r.con(r, df)); between-person: cor.test of the clients' means over those sessions.
#
# Means and ties. Spearman and Kendall are not continuous in the data: two clients with the same mean over sessions
# (e.g. 11/3) are a tie, and a difference of one unit in the last place turns the tie into an order. Summing the
# session scores in double precision (as the API does, and as R's mean() does in long double) can give such equal
# means different doubles. So each rank-based case is computed twice: `means = "exact"` (every session measure is a
# multiple of 1/60, so the mean is an exact count of sixtieths over the count, one correctly rounded division: the
# ties of exact arithmetic) and `means = "sequential"` (the double sum in session order, then / count: the doubles
# the API computes today). Pearson moves by about 1e-16 either way and uses "exact"; the within-person endpoint's
# client means (a Pearson correlation too) use R's mean().
# The CSV files hold each score as the shortest decimal that reads back as the same double (JavaScript's String);
# read.csv gives R the same doubles (checked for every value when this was written).
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "..", "..", "..", "..", "libs", "stats", "reference", "json.R"))
trailing <- commandArgs(TRUE)
fixture_dir <- if (length(trailing) > 0) normalizePath(trailing[1]) else here

seed <- 16005
min_n <- 10
read <- function(what) {
  read.csv(file.path(fixture_dir, sprintf("analyses-%d-%s.csv", seed, what)), check.names = FALSE,
           stringsAsFactors = FALSE)
}
clients <- read("clients")
sessions <- read("sessions")

mean_variables <- c("alliance", "alliance.bond", "alliance.goals", "alliance.tasks", "alliance.equality",
                    "alliance.humanity", "disclosure.frequency", "disclosure.fit", "disclosure.boundary",
                    "disclosure.helpfulness", "disclosure.effects")
outcomes <- c("phq9", "gad7")

# The clients an analysis sees: never a withdrawn one; optionally one cohort (0-based index) or one practitioner.
kept_clients <- function(filter) {
  keep <- clients$withdrawn == 0
  if (!is.null(filter$cohort)) keep <- keep & clients$cohort == filter$cohort
  if (!is.null(filter$practitioner)) keep <- keep & clients$practitioner == filter$practitioner
  clients[keep, ]
}

# A client's mean over sessions, two ways (see "Means and ties" above). Every session measure of the table is a mean
# of integer item answers over 1, 3, 4 or 15 items, so a multiple of 1/60 (checked).
mean_of <- list(
  exact = function(values) {
    sixtieths <- round(values * 60)
    stopifnot(all(abs(values * 60 - sixtieths) < 1e-9))
    sum(sixtieths) / (60 * length(values))
  },
  sequential = function(values) Reduce(`+`, values) / length(values)
)

person_table <- function(kept, means) {
  own <- sessions[sessions$code %in% kept$code, ]
  client <- factor(own$code, levels = kept$code)
  table <- data.frame(code = kept$code)
  for (variable in mean_variables) {
    table[[variable]] <- as.numeric(tapply(own[[variable]], client, function(values) {
      values <- values[!is.na(values)]
      if (length(values) == 0) NA else mean_of[[means]](values)
    }))
  }
  for (outcome in outcomes) {
    baseline <- kept[[paste0(outcome, ".baseline")]]
    end <- kept[[paste0(outcome, ".end")]]
    table[[paste0(outcome, ".baseline")]] <- baseline
    table[[paste0(outcome, ".end")]] <- end
    table[[paste0(outcome, ".change")]] <- end - baseline
  }
  table
}

# Kendall's tau-b and its two-sided p-value: cor.test(method = "kendall", exact = FALSE, continuity = FALSE)'s
# formulas (tie-corrected variance of S), with the tie groups found by exact equality. cor.test finds them with
# table(), which groups doubles by as.character (15 significant digits): values that differ only in the last bits
# (the "sequential" means) count as tied in its variance but not in its tau. Where the two groupings agree the
# result is checked against cor.test's.
kendall_test <- function(x, y) {
  n <- length(x)
  tau <- cor(x, y, method = "kendall")
  ties <- function(v) { runs <- rle(sort(v))$lengths; runs[runs > 1] }
  tx <- ties(x)
  ty <- ties(y)
  pairs <- n * (n - 1) / 2
  s <- tau * sqrt((pairs - sum(tx * (tx - 1)) / 2) * (pairs - sum(ty * (ty - 1)) / 2))
  variance <- (n * (n - 1) * (2 * n + 5) - sum(tx * (tx - 1) * (2 * tx + 5)) - sum(ty * (ty - 1) * (2 * ty + 5))) / 18 +
    sum(tx * (tx - 1)) * sum(ty * (ty - 1)) / (2 * n * (n - 1)) +
    sum(tx * (tx - 1) * (tx - 2)) * sum(ty * (ty - 1) * (ty - 2)) / (9 * n * (n - 1) * (n - 2))
  p <- 2 * pnorm(-abs(s / sqrt(variance)))
  by_table <- function(v) sort(as.numeric(table(v[duplicated(v)]) + 1))
  if (identical(by_table(x), sort(as.numeric(tx))) && identical(by_table(y), sort(as.numeric(ty)))) {
    reference <- cor.test(x, y, method = "kendall", exact = FALSE, continuity = FALSE)
    stopifnot(tau == reference$estimate, abs(p - reference$p.value) <= 1e-14 * reference$p.value)
  }
  list(estimate = tau, conf.int = NULL, p.value = p)
}

test_pair <- function(x, y, method) {
  complete <- !is.na(x) & !is.na(y)
  n <- sum(complete)
  if (n < min_n) return(list(n = n, suppressed = TRUE, estimate = NULL, ci = NULL, p = NULL))
  test <- if (method == "kendall") kendall_test(x[complete], y[complete]) else
    suppressWarnings(cor.test(x[complete], y[complete], method = method, exact = FALSE))
  estimate <- unname(test$estimate)
  if (!is.finite(estimate)) return(list(n = n, suppressed = FALSE, estimate = NULL, ci = NULL, p = NULL))
  ci <- if (method == "pearson") as_array(as.numeric(test$conf.int)) else NULL
  list(n = n, suppressed = FALSE, estimate = estimate, ci = ci, p = test$p.value)
}

correlation_case <- function(filter, method, adjust, means = "exact") {
  kept <- kept_clients(filter)
  table <- person_table(kept, means)
  variables <- setdiff(names(table), "code")
  cells <- list()
  for (i in seq_along(variables)) {
    for (j in seq_along(variables)) {
      if (j <= i) next
      cell <- c(list(x = variables[i], y = variables[j]),
                test_pair(table[[variables[i]]], table[[variables[j]]], method))
      cells[[length(cells) + 1]] <- cell
    }
  }
  tested <- which(vapply(cells, function(cell) !is.null(cell$p), TRUE))
  adjusted <- p.adjust(vapply(cells[tested], function(cell) cell$p, 0), method = adjust)
  for (index in seq_along(cells)) cells[[index]]["pAdjusted"] <- list(NULL)
  for (k in seq_along(tested)) cells[[tested[k]]]$pAdjusted <- adjusted[k]
  list(filter = filter, method = method, adjust = adjust, means = means, minN = min_n, nClients = nrow(kept),
       variables = lapply(variables, function(v) list(id = v, n = sum(!is.na(table[[v]])))),
       cells = cells)
}

rmcorr <- function(client, x, y) {
  fit <- lm(y ~ factor(client) + x)
  table <- anova(fit)
  ss_x <- table["x", "Sum Sq"]
  ss_residual <- table["Residuals", "Sum Sq"]
  r <- sign(unname(coef(fit)["x"])) * sqrt(ss_x / (ss_x + ss_residual))
  df <- length(y) - length(unique(client)) - 1
  stopifnot(df == fit$df.residual)
  list(suppressed = FALSE, estimate = r,
       ci = as_array(tanh(atanh(r) + c(-1, 1) * qnorm(0.975) / sqrt(df - 3))),
       p = table["x", "Pr(>F)"], df = df)
}

within_case <- function(filter, x, y) {
  kept <- kept_clients(filter)
  own <- sessions[sessions$code %in% kept$code & !is.na(sessions[[x]]) & !is.na(sessions[[y]]), ]
  n_clients <- length(unique(own$code))
  observations <- table(own$code)
  result <- list(filter = filter, x = x, y = y, minN = min_n, nClients = n_clients, nObservations = nrow(own),
                 clientsWithOneObservation = sum(observations == 1))
  if (n_clients < min_n) {
    empty <- list(suppressed = TRUE, estimate = NULL, ci = NULL, p = NULL, df = NULL)
    return(c(result, list(within = empty, between = empty)))
  }
  means_x <- tapply(own[[x]], own$code, mean)
  means_y <- tapply(own[[y]], own$code, mean)
  between <- cor.test(means_x, means_y[names(means_x)], method = "pearson")
  c(result, list(
    within = rmcorr(own$code, own[[x]], own[[y]]),
    between = list(suppressed = FALSE, estimate = unname(between$estimate),
                   ci = as_array(as.numeric(between$conf.int)), p = between$p.value,
                   df = unname(between$parameter))))
}

everyone <- setNames(list(), character(0))
small_cohort <- list(cohort = 2)
rarely <- list(practitioner = 1)
cases <- list(
  list(everyone, "pearson", "holm"), list(everyone, "pearson", "BH"),
  list(everyone, "spearman", "holm"), list(everyone, "spearman", "BH"),
  list(everyone, "kendall", "holm"), list(everyone, "kendall", "BH"),
  list(small_cohort, "pearson", "holm"), list(small_cohort, "spearman", "BH"), list(rarely, "kendall", "BH")
)
correlations <- list()
for (case in cases) {
  for (means in c("exact", if (case[[2]] != "pearson") "sequential")) {
    correlations[[length(correlations) + 1]] <- correlation_case(case[[1]], case[[2]], case[[3]], means)
  }
}

within <- list(
  within_case(everyone, "alliance", "checkin"),
  within_case(everyone, "disclosure.fit", "alliance"),
  within_case(everyone, "practitioner.alliance", "checkin.session_alliance"),
  within_case(small_cohort, "alliance", "checkin"),
  within_case(small_cohort, "disclosure.fit", "alliance"),
  within_case(rarely, "disclosure.fit", "alliance")
)

write_fixture(list(
  generatedBy = "apps/api/test/reference/analyses.R",
  seed = seed,
  withdrawn = as_array(clients$code[clients$withdrawn == 1]),
  correlations = correlations,
  withinPerson = within
), "analyses.json")
cat("wrote", file.path(fixture_dir, "analyses.json"), "\n")

# Reference values for normalDeviate (libs/stats/src/resampling/normal-deviate.ts), from R's qnorm, pnorm, qchisq:
# what the spec needs to test many draws against the standard normal without using libs/stats' own distribution
# functions. Run from anywhere: Rscript libs/stats/reference/normal-deviate.R  (R 4.2). Writes
# fixtures/normal-deviate.json.
#
# - `draws`, `alpha`: the spec's sample size and the level of each of its six tests (so at most 6e-5 for all of
#   them together, Bonferroni, for a generator that draws from N(0, 1));
# - `edges`: qnorm(k / cells), k = 1..cells-1, the edges of equiprobable cells for a chi-square goodness-of-fit test,
#   and the grid of a Kolmogorov-Smirnov statistic taken at those edges (at most the full statistic, so the test
#   against the full statistic's critical value is conservative);
# - critical values: chi-square qchisq(1 - alpha, cells - 1); Kolmogorov-Smirnov from the asymptotic Kolmogorov
#   distribution, P(sqrt(n) D > x) = 2 sum_k (-1)^(k-1) exp(-2 k^2 x^2), divided by sqrt(n); mean: z = mean sqrt(n);
#   variance: (n - 1) s^2 ~ chi-square(n - 1); skewness g1 = m3 / m2^1.5 and excess kurtosis g2 = m4 / m2^2 - 3 (moments
#   about the mean, divisor n): normal with their exact mean and variance under normality (g1: 0 and
#   6 (n-2) / ((n+1)(n+3)); g2: -6 / (n+1) and 24 n (n-2)(n-3) / ((n+1)^2 (n+3)(n+5)));
# - `seeded`: the first deviate of four seeds, from the outputs of the reference C code of the generator
#   (xoshiro128starstar.c, printed by it and quoted here), with nextFloat's documented construction
#   ((a >>> 5) 2^26 + (b >>> 6)) / 2^53 and Box & Muller's (1958) transform sqrt(-2 ln u) cos(2 pi v) of
#   u = 1 - first uniform, v = second, in R's own arithmetic.
args <- commandArgs(FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))
source(file.path(here, "json.R"))
fixture_dir <- file.path(here, "fixtures")

draws <- 200000
alpha <- 1e-5
cells <- 1000
two_sided <- qnorm(1 - alpha / 2)

kolmogorov_tail <- function(x) {
  k <- 1:100
  2 * sum((-1)^(k - 1) * exp(-2 * k^2 * x^2))
}
kolmogorov_x <- uniroot(function(x) kolmogorov_tail(x) - alpha, c(1, 4), tol = 1e-14)$root

n <- draws
skewness_sd <- sqrt(6 * (n - 2) / ((n + 1) * (n + 3)))
kurtosis_sd <- sqrt(24 * n * (n - 2) * (n - 3) / ((n + 1)^2 * (n + 3) * (n + 5)))

# Outputs of xoshiro128starstar.c (cc -O2 xoshiro128starstar.c && ./a.out): six per seed.
outputs <- list(
  "0" = c(3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774),
  "1" = c(1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319),
  "20261129" = c(3339114694, 4201979826, 1977504087, 945169104, 3887753617, 3753598837),
  "9007199254740991" = c(1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921)
)
uniform <- function(a, b) ((a %/% 32) * 2^26 + (b %/% 64)) / 2^53
seeded <- lapply(names(outputs), function(seed) {
  out <- outputs[[seed]]
  u <- 1 - uniform(out[1], out[2])
  v <- uniform(out[3], out[4])
  list(seed = seed, first = sqrt(-2 * log(u)) * cos(2 * pi * v))
})

write_fixture(list(
  draws = draws,
  alpha = alpha,
  cells = cells,
  edges = as_array(qnorm(seq_len(cells - 1) / cells)),
  chiSquareCritical = qchisq(1 - alpha, cells - 1),
  kolmogorovSmirnovCritical = kolmogorov_x / sqrt(draws),
  meanCritical = two_sided / sqrt(draws),
  varianceRange = as_array(qchisq(c(alpha / 2, 1 - alpha / 2), draws - 1) / (draws - 1)),
  skewnessCritical = two_sided * skewness_sd,
  kurtosisMean = -6 / (n + 1),
  kurtosisCritical = two_sided * kurtosis_sd,
  seeded = seeded
), "normal-deviate.json")
cat("wrote", file.path(fixture_dir, "normal-deviate.json"), "\n")

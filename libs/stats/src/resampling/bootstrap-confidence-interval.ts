import { isMissing, requireCount, type MaybeNumber } from '../internal/data-policy';
import { bcaInterval, percentileInterval } from './bca-interval';
import { createRandomGenerator, type RandomGenerator } from './random';

/** Options of {@link bootstrapConfidenceInterval}. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples B (at least 2; 2,000 or more is advisable for BCa). */
  resamples: number;
  /** Seed of the xoshiro128** generator (a safe integer). Either `seed` or `random` is required. */
  seed?: number;
  /** An injected generator instead of a seed (it is advanced by the call). */
  random?: RandomGenerator;
  /** 'percentile' (default) or 'bca' (bias-corrected and accelerated). */
  method?: 'percentile' | 'bca';
  /** Confidence level, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

/** Result of {@link bootstrapConfidenceInterval}. */
export interface BootstrapResult {
  /** The statistic on the complete data. */
  estimate: number;
  /** Confidence interval `[lower, upper]`. */
  ci: [number, number];
  method: 'percentile' | 'bca';
  confidenceLevel: number;
  /** Resamples drawn. */
  resamples: number;
  /** Resamples whose statistic was finite (the others are left out of the interval). */
  validResamples: number;
  /** Standard deviation (n - 1) of the finite replicates. */
  standardError: number;
  /** Mean of the finite replicates minus the estimate. */
  bias: number;
  /** BCa bias correction z0 (NaN for the percentile method). */
  biasCorrection: number;
  /** BCa acceleration from the jackknife (NaN for the percentile method). */
  acceleration: number;
  /** Observations (or rows) used after deletion of missing values. */
  n: number;
}

function completeData(data: readonly (MaybeNumber | readonly MaybeNumber[])[]): (number | number[])[] {
  const out: (number | number[])[] = [];
  for (const item of data) {
    if (Array.isArray(item)) {
      if (!item.some((value: MaybeNumber) => isMissing(value))) out.push(item as number[]);
    } else if (!isMissing(item as MaybeNumber)) {
      out.push(item as number);
    }
  }
  return out;
}

/**
 * Nonparametric bootstrap confidence interval of any statistic (Efron & Tibshirani 1993), reproducible through a
 * seeded xoshiro128** generator (`createRandomGenerator`): the same seed, data and options give the same interval.
 *
 * Resampling scheme: each of the B resamples draws n indices with `random.nextInt(n)` in order and passes the
 * selected values (or rows) to `statistic`. Intervals:
 * - 'percentile': the (1 - level) / 2 and (1 + level) / 2 quantiles of the replicates, R's `quantile(type = 7)`;
 * - 'bca': Efron's (1987) bias-corrected and accelerated interval, z0 = Phi^-1(share of replicates below the
 *   estimate), acceleration from the n leave-one-out (jackknife) values, adjusted levels read off the replicates
 *   with the same type-7 quantile. (R's `boot.ci` interpolates on the normal-quantile scale instead, so its ends
 *   differ slightly for the same replicates.)
 * Replicates that are NaN or infinite are left out (`validResamples` reports how many were kept); BCa needs finite
 * jackknife values, and gives a NaN interval otherwise.
 *
 * Data: an array of numbers (missing values dropped first) or an array of rows, e.g. `[x, y]` pairs for a
 * correlation (rows with a missing cell dropped first, listwise). Rows are passed as is, not copied.
 *
 * Complexity: O(B (n + cost of statistic) + B log B); BCa adds n evaluations of the statistic on n - 1 values.
 * @throws RangeError when fewer than 2 complete observations, resamples not an integer >= 2, neither seed nor
 *   random given, an invalid seed, or a confidence level outside (0, 1).
 * @example
 * const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
 * bootstrapConfidenceInterval(mean, [3, 5, 4, 8, 6, 7, 5], { resamples: 2000, seed: 1, method: 'bca' }).ci
 * // [4.142857142857143, 6.428571428571429], the same on every run and platform
 */
export function bootstrapConfidenceInterval(
  statistic: (sample: number[]) => number,
  data: readonly MaybeNumber[],
  options: BootstrapOptions,
): BootstrapResult;
export function bootstrapConfidenceInterval(
  statistic: (sample: number[][]) => number,
  data: readonly (readonly MaybeNumber[])[],
  options: BootstrapOptions,
): BootstrapResult;
export function bootstrapConfidenceInterval(
  statistic: ((sample: number[]) => number) | ((sample: number[][]) => number),
  data: readonly (MaybeNumber | readonly MaybeNumber[])[],
  options: BootstrapOptions,
): BootstrapResult {
  const method = options.method ?? 'percentile';
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const { resamples } = options;
  if (method !== 'percentile' && method !== 'bca') {
    throw new RangeError(`bootstrapConfidenceInterval got an unknown method '${String(method)}'`);
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `bootstrapConfidenceInterval requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`,
    );
  }
  if (!Number.isInteger(resamples) || resamples < 2) {
    throw new RangeError(
      `bootstrapConfidenceInterval requires an integer number of resamples of at least 2, got ${resamples}`,
    );
  }
  if (options.random === undefined && options.seed === undefined) {
    throw new RangeError('bootstrapConfidenceInterval requires a seed or an injected random generator');
  }
  const random = options.random ?? createRandomGenerator(options.seed as number);
  const sample = completeData(data);
  const n = sample.length;
  requireCount('bootstrapConfidenceInterval', n, 2, 'complete observations');
  const evaluate = statistic as (values: (number | number[])[]) => number;

  const estimate = evaluate([...sample]);
  const replicates: number[] = [];
  const resample = new Array<number | number[]>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) resample[i] = sample[random.nextInt(n)];
    const value = evaluate(resample.slice());
    if (Number.isFinite(value)) replicates.push(value);
  }
  replicates.sort((a, b) => a - b);
  const count = replicates.length;
  const mean = replicates.reduce((sum, value) => sum + value, 0) / count;
  const variance = replicates.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1);

  let ci = percentileInterval(replicates, confidenceLevel);
  let biasCorrection = NaN;
  let acceleration = NaN;
  if (method === 'bca') {
    const jackknife = sample.map((_, left) => evaluate(sample.filter((__, index) => index !== left)));
    ({ ci, biasCorrection, acceleration } = bcaInterval(estimate, replicates, jackknife, confidenceLevel));
  }
  return {
    estimate,
    ci,
    method,
    confidenceLevel,
    resamples,
    validResamples: count,
    standardError: Math.sqrt(variance),
    bias: mean - estimate,
    biasCorrection,
    acceleration,
    n,
  };
}

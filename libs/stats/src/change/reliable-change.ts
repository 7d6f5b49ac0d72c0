import { isMissing, requireSameLength, type MaybeNumber } from '../internal/data-policy';
import { normalQuantile } from '../distributions/normal';

/** Which end of the scale is healthy: symptom scales (PHQ-9, GAD-7, K10) are lower-is-better, well-being higher. */
export type ScoreDirection = 'lower-is-better' | 'higher-is-better';

/**
 * Options of {@link reliableChange}: either `sd` and `reliability` (Jacobson & Truax), or `threshold`, an
 * instrument's published reliable-change value in raw points (e.g. PHQ-9: a change of at least 6).
 */
export interface ReliableChangeOptions {
  /** Standard deviation of the measure (Jacobson & Truax: of the pre-test, or of a norm group); must be > 0. */
  sd?: number;
  /** Reliability r_xx of the measure (test-retest or Cronbach's alpha), in [0, 1). */
  reliability?: number;
  /**
   * A published reliable-change value in raw points: |post - pre| >= threshold is reliable. Used instead of
   * `sd` and `reliability`; S_diff is then threshold / criticalValue, so RC keeps its meaning.
   */
  threshold?: number;
  /** Confidence level of the reliable-change criterion; default 0.95 (critical value 1.959964). */
  confidenceLevel?: number;
  /** Which direction counts as improvement; default 'lower-is-better' (symptom scales). */
  direction?: ScoreDirection;
}

/** Reliable-change result of one person. */
export interface ReliableChangeResult {
  pre: number;
  post: number;
  /** post - pre. */
  change: number;
  /** Standard error of measurement, SE = sd * sqrt(1 - reliability). */
  standardError: number;
  /** Standard error of the difference, S_diff = sqrt(2) * SE. */
  standardErrorOfDifference: number;
  /** Reliable change index RC = (post - pre) / S_diff. */
  rc: number;
  /** Two-sided normal critical value for the confidence level (1.959964 at 0.95). */
  criticalValue: number;
  /** Smallest absolute change that is reliable: criticalValue * S_diff. */
  reliableChangeThreshold: number;
  /** |RC| > criticalValue. */
  reliable: boolean;
  /** Reliable change in the better direction, reliable change in the worse direction, or neither; null when missing. */
  outcome: 'improved' | 'deteriorated' | 'unchanged' | null;
}

/**
 * Validated constants shared by reliableChange and clinicalSignificance (internal to the change folder; not exported
 * from the library entry). O(1).
 * @throws RangeError as documented on reliableChange.
 */
export function reliableChangeConstants(functionName: string, options: ReliableChangeOptions) {
  const { sd, reliability, threshold } = options;
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const direction = options.direction ?? 'lower-is-better';
  if (threshold !== undefined) {
    if (sd !== undefined || reliability !== undefined) {
      throw new RangeError(`${functionName} takes either a threshold or sd and reliability, not both`);
    }
    if (!(threshold > 0) || !Number.isFinite(threshold)) {
      throw new RangeError(`${functionName} requires threshold > 0, got ${threshold}`);
    }
  } else {
    if (sd === undefined) throw new RangeError(`${functionName} requires sd and reliability, or a threshold`);
    if (!(sd > 0) || !Number.isFinite(sd)) throw new RangeError(`${functionName} requires sd > 0, got ${sd}`);
    if (reliability === undefined || !(reliability >= 0 && reliability < 1)) {
      throw new RangeError(`${functionName} requires a reliability in [0, 1), got ${reliability}`);
    }
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `${functionName} requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`,
    );
  }
  if (direction !== 'lower-is-better' && direction !== 'higher-is-better') {
    throw new RangeError(`${functionName} got an unknown direction '${String(direction)}'`);
  }
  const criticalValue = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const standardErrorOfDifference =
    threshold !== undefined ? threshold / criticalValue : Math.SQRT2 * (sd as number) * Math.sqrt(1 - (reliability as number));
  const standardError = standardErrorOfDifference / Math.SQRT2;
  return { standardError, standardErrorOfDifference, criticalValue, direction, threshold };
}

/** Reliable-change result of one pre/post pair given the validated constants (internal to the change folder). O(1). */
export function reliableChangeOf(
  pre: MaybeNumber,
  post: MaybeNumber,
  constants: ReturnType<typeof reliableChangeConstants>,
): ReliableChangeResult {
  const { standardError, standardErrorOfDifference, criticalValue, direction, threshold } = constants;
  const missing = isMissing(pre) || isMissing(post);
  const before = missing ? NaN : (pre as number);
  const after = missing ? NaN : (post as number);
  const change = after - before;
  const rc = change / standardErrorOfDifference;
  // Jacobson & Truax: |RC| beyond the critical value; a published value is a minimum change in points.
  const reliable = threshold !== undefined ? Math.abs(change) >= threshold : Math.abs(rc) > criticalValue;
  const better = direction === 'lower-is-better' ? rc < 0 : rc > 0;
  return {
    pre: before,
    post: after,
    change,
    standardError,
    standardErrorOfDifference,
    rc,
    criticalValue,
    reliableChangeThreshold: threshold ?? criticalValue * standardErrorOfDifference,
    reliable,
    outcome: missing ? null : !reliable ? 'unchanged' : better ? 'improved' : 'deteriorated',
  };
}

/**
 * Jacobson & Truax (1991) reliable change index.
 *
 * SE = sd * sqrt(1 - r_xx); S_diff = sqrt(2) * SE; RC = (post - pre) / S_diff; the change is reliable when
 * |RC| exceeds the two-sided normal critical value (1.959964 at the default 0.95; Jacobson & Truax round it to 1.96).
 * Whether a reliable change is an improvement depends on `direction`: with 'lower-is-better' (default, symptom
 * scales) a reliable decrease is 'improved'; with 'higher-is-better' (well-being) a reliable increase is.
 *
 * Input: either two numbers (one person, one result) or two arrays of equal length (one result per index, in order).
 * Missing data: a pair with a missing value (null, undefined, NaN) keeps its place and gets NaN fields,
 * `reliable: false` and `outcome: null`, so that results stay aligned with people.
 *
 * Complexity: O(n) for n people.
 * With `threshold` (an instrument's published reliable-change value) instead of sd and reliability, a change of at
 * least `threshold` points is reliable, and S_diff = threshold / criticalValue.
 *
 * @throws RangeError when sd <= 0, reliability outside [0, 1), both or neither of threshold and sd/reliability are
 *   given, the confidence level is outside (0, 1), the direction is unknown, or the arrays differ in length.
 * @example
 * reliableChange(18, 9, { sd: 5, reliability: 0.84 }).rc // (9 - 18) / (sqrt(2) * 5 * 0.4) = -3.18
 */
export function reliableChange(
  pre: MaybeNumber,
  post: MaybeNumber,
  options: ReliableChangeOptions,
): ReliableChangeResult;
export function reliableChange(
  pre: readonly MaybeNumber[],
  post: readonly MaybeNumber[],
  options: ReliableChangeOptions,
): ReliableChangeResult[];
export function reliableChange(
  pre: MaybeNumber | readonly MaybeNumber[],
  post: MaybeNumber | readonly MaybeNumber[],
  options: ReliableChangeOptions,
): ReliableChangeResult | ReliableChangeResult[] {
  const constants = reliableChangeConstants('reliableChange', options);
  if (Array.isArray(pre) || Array.isArray(post)) {
    if (!Array.isArray(pre) || !Array.isArray(post)) {
      throw new RangeError('reliableChange requires pre and post to be both numbers or both arrays');
    }
    requireSameLength('reliableChange', pre, post);
    return pre.map((value: MaybeNumber, index: number) => reliableChangeOf(value, post[index], constants));
  }
  return reliableChangeOf(pre as MaybeNumber, post as MaybeNumber, constants);
}

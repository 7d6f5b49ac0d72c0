/**
 * Scoring specification as data. The engine (`scoreAnswers`) interprets it; every rule kind is dispatched
 * through a typed record, so adding a kind without an implementation does not compile.
 */

/**
 * How item values are combined:
 * - `sum`: sum of the (reverse-keyed) item values; with allowed missing items the sum is prorated
 *   (sum of answered × number of items ÷ number answered).
 * - `mean`: mean of the answered items.
 * - `mean_x10`: mean × 10 (CORE-10 clinical score).
 */
export type ScoringMethod = 'sum' | 'mean' | 'mean_x10';

/** A scored item set: the total or a subscale. */
export interface ScoreRule {
  readonly method: ScoringMethod;
  readonly items: readonly string[];
  /** How many items may be missing and still be prorated (0 = none: any missing item makes the score missing). */
  readonly maxProratedMissing: number;
}

/** A subscale: a named {@link ScoreRule}. */
export interface SubscaleSpec extends ScoreRule {
  readonly id: string;
  readonly label: string;
}

/** Reverse-keyed items: value v becomes (min + max − v). */
export interface ReverseKeying {
  readonly items: readonly string[];
  readonly min: number;
  readonly max: number;
}

/** A severity band; `min` and `max` are inclusive edges on the total. */
export interface Band {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** Which side of a cut-off counts as "case" (clinical range, or a concern). */
export type CutoffDirection = 'at_or_above' | 'above' | 'at_or_below' | 'below';

/** A cut-off on the total. */
export interface Cutoff {
  readonly value: number;
  readonly direction: CutoffDirection;
  /** What being on the case side means, e.g. "clinical range", "alliance concern". */
  readonly meaning: string;
}

/** Which direction of change is improvement. */
export type ImprovementDirection = 'decrease' | 'increase';

/** Reliable change criterion: a change of at least `value` points on the total is reliable. */
export interface ReliableChangeSpec {
  readonly value: number;
  readonly improvement: ImprovementDirection;
  readonly source: string;
}

/** A norm set (e.g. OQ-45 US vs. Dutch): its own cut-off and reliable change value. */
export interface NormSpec {
  readonly id: string;
  readonly label: string;
  readonly cutoff?: Cutoff;
  readonly reliableChange?: ReliableChangeSpec;
  readonly source: string;
}

/** Rule that assigns the band. */
export type BandRule =
  | { readonly kind: 'ranges'; readonly bands: readonly Band[] }
  /**
   * Keyes' MHC-SF diagnosis: flourishing = at least one emotional item at or above `highMin` and at least
   * `countRequired` of the social + psychological items at or above `highMin`; languishing = the same with
   * items at or below `lowMax`; otherwise moderately mentally healthy.
   */
  | {
      readonly kind: 'mhc-sf-category';
      readonly emotionalItems: readonly string[];
      readonly socialPsychologicalItems: readonly string[];
      readonly highMin: number;
      readonly lowMax: number;
      readonly countRequired: number;
    };

/** Extra values computed from answers (content-type flags, a copied item value), reported in `derived`. */
export type DerivedRule =
  /**
   * One 0/1 flag per option of a multi-select item (`<id>.<code>`) plus `<id>.count` (number of codes chosen,
   * excluding none). When `zeroWhen` holds (e.g. no disclosure happened), every flag and the count are 0;
   * when the item should have been answered but was not, they are null.
   */
  | {
      readonly kind: 'choice-flags';
      readonly id: string;
      readonly item: string;
      readonly codes: readonly string[];
      readonly zeroWhen?: { readonly item: string; readonly equals: number | string };
    }
  /** The item's value as is (null when unanswered). */
  | { readonly kind: 'item-value'; readonly id: string; readonly item: string };

/** When a total or subscale is not applicable (e.g. no disclosure reported): it is missing with that reason. */
export interface NotApplicableRule {
  readonly item: string;
  readonly equals: number | string;
}

/** The full scoring specification of an instrument version. */
export interface ScoringSpec {
  /** Version of the scoring rules; stored with every score. */
  readonly scoringVersion: string;
  /** The total score, or null when the instrument has only subscales. */
  readonly total: ScoreRule | null;
  readonly reverse?: ReverseKeying;
  readonly subscales: readonly SubscaleSpec[];
  readonly band?: BandRule;
  /** Cut-off for caseness on the total (without norms, or the default norm's). */
  readonly cutoff?: Cutoff;
  readonly reliableChange?: ReliableChangeSpec;
  /** Alternative norm sets; `defaultNorm` picks the one used for `caseness`. */
  readonly norms?: readonly NormSpec[];
  readonly defaultNorm?: string;
  readonly derived?: readonly DerivedRule[];
  readonly notApplicableWhen?: NotApplicableRule;
  /** Decimals to round totals and subscales to (e.g. 1 for visual analogue lines); unrounded when absent. */
  readonly precision?: number;
}

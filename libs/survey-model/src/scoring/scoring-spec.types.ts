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
  /**
   * How many items may be missing and still be prorated (0 = none: any missing item makes the score missing).
   * Versions 1.0.0 state it per rule; later versions state the manual's rule once, in `ScoringSpec.missingItems`,
   * and leave this out (a spec with `missingItems` ignores it).
   */
  readonly maxProratedMissing?: number;
}

/**
 * The manual's own rule for blank items, one per instrument version (DOMAIN.md §3: never a generic rule):
 * - `none`: the manual gives no rule, so any blank item of a score makes that score missing with reason
 *   `no_missing_item_rule` (never 0, never a guess);
 * - `prorate`: with at most `maxMissing` blank items, the score is combined over the answered items (a sum scaled up
 *   to the full item count, a mean over the answered items); with `roundTo`, a prorated value is rounded half up to
 *   that many decimals (K10: `round(sum / 9 × 10)`);
 * - `fill-subscale-mean`: each blank item is filled with the mean of the answered (reverse-keyed) items of its own
 *   subscale, rounded half up to `roundTo` decimals, at most `maxPerSubscale` blanks per subscale; totals and
 *   subscales are then summed over the filled items (OQ-45.2).
 * `source` names where the rule is written (shown in the codebook and in `missingDetail`).
 */
export type MissingItemRule =
  | { readonly kind: 'none'; readonly source: string }
  | {
      readonly kind: 'prorate';
      readonly maxMissing: number;
      readonly roundTo?: number;
      readonly source: string;
    }
  | {
      readonly kind: 'fill-subscale-mean';
      readonly maxPerSubscale: number;
      readonly roundTo: number;
      readonly source: string;
    };

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

/**
 * A norm set (e.g. OQ-45 US vs. Dutch): its own cut-off and reliable change value, and optionally its own severity
 * bands (e.g. the K10's Australian bands vs. the Dutch health monitor's categories), reported in `bandByNorm`.
 */
export interface NormSpec {
  readonly id: string;
  readonly label: string;
  readonly cutoff?: Cutoff;
  readonly reliableChange?: ReliableChangeSpec;
  readonly bands?: readonly Band[];
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

/**
 * Flags a clinician reads, computed from the answers like {@link DerivedRule}s and reported in the same `derived`
 * map (so they are stored with the score), but declared apart: consumers that lay out `scoring.derived` (the export)
 * know only its kinds.
 */
export type FlagRule =
  /**
   * An item-level flag a clinician reads (e.g. an SRS line below 9): `<id>.<item>` is 1 when the item's answer is
   * `below` the threshold, 0 when not, null when unanswered; `<id>.count` is the number flagged, null when any of the
   * items is unanswered.
   */
  | {
      readonly kind: 'item-flags';
      readonly id: string;
      readonly items: readonly string[];
      readonly below: number;
      readonly source: string;
    }
  /**
   * A symptom-count algorithm (PHQ-9 provisional diagnosis, Kroenke et al. 2001): an item counts as present at
   * `presentAtLeast` (or its own threshold in `presentAtLeastFor`); `<id>` is the first category (listed from the
   * highest `minCount` down) whose count is reached with at least one `coreItems` item present, else `noneId`; null
   * when any item is unanswered.
   */
  | {
      readonly kind: 'symptom-count';
      readonly id: string;
      readonly items: readonly string[];
      readonly presentAtLeast: number;
      readonly presentAtLeastFor?: Readonly<Record<string, number>>;
      readonly coreItems: readonly string[];
      readonly categories: readonly { readonly id: string; readonly minCount: number }[];
      readonly noneId: string;
      readonly source: string;
    };

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
  /** Item-level flags and algorithms a clinician reads (their values go into `derived` too). */
  readonly flags?: readonly FlagRule[];
  readonly notApplicableWhen?: NotApplicableRule;
  /** The manual's missing-item rule (versions after 1.0.0); when absent, each rule's `maxProratedMissing` applies. */
  readonly missingItems?: MissingItemRule;
  /** Decimals to round totals and subscales to (e.g. 1 for visual analogue lines); unrounded when absent. */
  readonly precision?: number;
}

import type { InstrumentId } from '../model/instrument.types';

/**
 * Whether a score could be computed from all items, from enough items (prorated, or blanks filled as the manual
 * says: `imputed` lists the filled values), or not at all.
 */
export type ScoreStatus = 'complete' | 'prorated' | 'missing';

/**
 * Why a score is missing:
 * - `too_many_missing_items`: more items unanswered than the instrument's manual allows to prorate or fill;
 * - `no_missing_item_rule`: an item is unanswered and the manual gives no rule for blanks, so no score is made;
 * - `not_applicable`: the section was not shown (e.g. the client reported no disclosure);
 * - `invalid_answer`: an answer is not a valid value for its item (scoring never guesses);
 * - `subscale_missing`: the instrument has no total and at least one subscale is missing.
 */
export type MissingReason =
  | 'too_many_missing_items'
  | 'no_missing_item_rule'
  | 'not_applicable'
  | 'invalid_answer'
  | 'subscale_missing';

/** One computed value (total or subscale). A value that cannot be computed is null with a reason, never zero. */
export interface ScoreValue {
  readonly value: number | null;
  readonly status: ScoreStatus;
  /** Unanswered items among the items of this score. */
  readonly missingCount: number;
  readonly prorated: boolean;
  readonly missingReason?: MissingReason;
  /** Blank items filled by the manual's rule (`fill-subscale-mean`), with the value each was given. */
  readonly imputed?: Readonly<Record<string, number>>;
}

/** Derived values: flags (0/1), counts, copied codes; null when they cannot be known. */
export type DerivedValue = number | string | null;

/** The score of one response, with the instrument and scoring-rule versions it was computed with. */
export interface InstrumentScore {
  readonly instrumentId: InstrumentId;
  readonly instrumentVersion: string;
  readonly scoringVersion: string;
  /** The total, or null when missing or when the instrument has no total (see `subscales`). */
  readonly total: number | null;
  readonly subscales: Readonly<Record<string, ScoreValue>>;
  /** Band id (e.g. `"moderate"`), or null when the total is missing or the instrument has no bands. */
  readonly band: string | null;
  /** On the case side of the (default norm's) cut-off; null when missing or when there is no cut-off. */
  readonly caseness: boolean | null;
  /** Caseness per norm set, for instruments with norms (e.g. OQ-45 `us` and `nl`). */
  readonly casenessByNorm: Readonly<Record<string, boolean | null>>;
  /** Band per norm set that has its own bands (e.g. K10 `nl-monitor`); null when the total is missing. */
  readonly bandByNorm: Readonly<Record<string, string | null>>;
  /** Unanswered scored items (total's items, or all subscale items when there is no total). */
  readonly missingCount: number;
  readonly prorated: boolean;
  readonly status: ScoreStatus;
  readonly missingReason?: MissingReason;
  /** Human-readable detail for a missing score (which item, how many missing). */
  readonly missingDetail?: string;
  /** Blank items filled by the manual's rule, with their values (OQ-45.2); absent when none was filled. */
  readonly imputed?: Readonly<Record<string, number>>;
  readonly derived: Readonly<Record<string, DerivedValue>>;
}

import type { InstrumentId } from '../model/instrument.types';

/** Whether a score could be computed from all items, from enough items (prorated), or not at all. */
export type ScoreStatus = 'complete' | 'prorated' | 'missing';

/**
 * Why a score is missing:
 * - `too_many_missing_items`: more items unanswered than the instrument allows to prorate;
 * - `not_applicable`: the section was not shown (e.g. the client reported no disclosure);
 * - `invalid_answer`: an answer is not a valid value for its item (scoring never guesses);
 * - `subscale_missing`: the instrument has no total and at least one subscale is missing.
 */
export type MissingReason =
  'too_many_missing_items' | 'not_applicable' | 'invalid_answer' | 'subscale_missing';

/** One computed value (total or subscale). A value that cannot be computed is null with a reason, never zero. */
export interface ScoreValue {
  readonly value: number | null;
  readonly status: ScoreStatus;
  /** Unanswered items among the items of this score. */
  readonly missingCount: number;
  readonly prorated: boolean;
  readonly missingReason?: MissingReason;
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
  /** Unanswered scored items (total's items, or all subscale items when there is no total). */
  readonly missingCount: number;
  readonly prorated: boolean;
  readonly status: ScoreStatus;
  readonly missingReason?: MissingReason;
  /** Human-readable detail for a missing score (which item, how many missing). */
  readonly missingDetail?: string;
  readonly derived: Readonly<Record<string, DerivedValue>>;
}

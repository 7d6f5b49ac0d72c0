import type { ScoringSpec } from '../scoring/scoring-spec.types';

/**
 * The instrument format: a questionnaire is data. Structure (items, scales, pages, branching) and scoring are
 * language-independent; wording lives in {@link InstrumentText} per language, bundled in the repository for
 * public-domain and Klik instruments, or imported as a text pack for licensed instruments.
 */

/** Languages a questionnaire can be shown in. */
export type Language = 'nl' | 'en';

/** All supported languages, in display order. */
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Text in every supported language. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** Who answers the instrument. */
export type Respondent = 'client' | 'practitioner';

/** Whether the wording ships in the repository or must be imported by a licence holder. */
export type TextAvailability = 'bundled' | 'licensed-text-pack';

/** Identifiers of every instrument the platform knows. Adding one forces an entry in the registry (typed record). */
export type InstrumentId =
  | 'klik-alliance'
  | 'klik-disclosure'
  | 'klik-session-log'
  | 'klik-checkin'
  | 'phq-9'
  | 'gad-7'
  | 'k10'
  | 'wai-sr'
  | 'core-10'
  | 'ors'
  | 'srs'
  | 'oq-45'
  | 'mhc-sf'
  | 'qpr-15'
  | 'bat-23';

/** Licence of the instrument (wording and structure). */
export interface InstrumentLicence {
  /** SPDX identifier, or a `LicenseRef-…` for licences without one. */
  readonly spdx: string;
  /** Notice that must be shown or kept with the instrument. */
  readonly notice: string;
  /** Where the licence text or terms can be read. */
  readonly url?: string;
}

/**
 * A response scale with integer (or stepped) values from `min` to `max`. Anchor wording is in the text
 * (`InstrumentText.scales[scaleId]`).
 */
export interface ResponseScale {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  /** Distance between allowed values; 1 for Likert scales, 0.1 for visual analogue lines measured in mm/cm. */
  readonly step: number;
  /**
   * How the scale is rendered: `radio` (one labelled button per value), `rating` (a row of numbers with end labels)
   * or `slider` (visual analogue line with end labels).
   */
  readonly display: 'radio' | 'rating' | 'slider';
}

interface ItemBase {
  /** Unique within the instrument; the key in the answer map. */
  readonly id: string;
  /** SurveyJS `isRequired` (applies only while the item is visible). */
  readonly required: boolean;
  /** SurveyJS expression; the item is shown only when it is true. */
  readonly visibleIf?: string;
}

/** An item answered on one of the instrument's response scales; the value is a number. */
export interface ScaleItem extends ItemBase {
  readonly kind: 'scale';
  readonly scale: string;
}

/** One answer from a list of coded options (value is the option code, a number or string). */
export interface SingleChoiceItem extends ItemBase {
  readonly kind: 'single';
  readonly options: readonly (number | string)[];
}

/** Any number of coded options (checkbox); the value is an array of distinct option codes. */
export interface MultiChoiceItem extends ItemBase {
  readonly kind: 'multi';
  readonly options: readonly string[];
}

/** Free text (never scored). */
export interface TextItem extends ItemBase {
  readonly kind: 'text';
  readonly maxLength: number;
}

/** Structure of one item. The union is the answer schema: it says which values are valid. */
export type ItemSpec = ScaleItem | SingleChoiceItem | MultiChoiceItem | TextItem;

/** A page of the questionnaire (the unit of "save progress"). */
export interface PageSpec {
  readonly id: string;
  readonly items: readonly string[];
  readonly visibleIf?: string;
}

/** Wording of one instrument in one language. Also the content of a text pack. */
export interface InstrumentText {
  readonly title: string;
  readonly instructions?: string;
  /** Optional page titles by page id. */
  readonly pages?: Readonly<Record<string, string>>;
  /** Item wording by item id. */
  readonly items: Readonly<Record<string, string>>;
  /**
   * Anchor labels by scale id, then by value (as a string key, e.g. `"0"`). `radio` scales need a label for every
   * value; `rating` and `slider` scales need at least the two ends.
   */
  readonly scales?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Option labels by item id, then by option code, for `single` and `multi` items. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A SurveyJS JSON definition (kept loose: survey-core validates it when a Model is built). */
export type SurveyDefinition = Readonly<Record<string, unknown>>;

/** Citation of the instrument (and of a translation or norm study, where relevant). */
export interface InstrumentCitation {
  readonly primary: string;
  readonly others?: readonly string[];
}

/**
 * One published version of an instrument. Published versions are immutable: a change is a new version, and
 * `published.lock.json` holds a hash of each published definition that a test checks.
 */
export interface Instrument {
  readonly id: InstrumentId;
  /** Semver-like, e.g. `"1.0.0"`. */
  readonly version: string;
  readonly name: string;
  readonly construct: string;
  readonly respondent: Respondent;
  /** Languages the instrument can be shown in (for licensed instruments: the languages a text pack may supply). */
  readonly languages: readonly Language[];
  readonly licence: InstrumentLicence;
  readonly citation: InstrumentCitation;
  readonly textAvailability: TextAvailability;
  /** Every item id in display order (scored and unscored). */
  readonly itemIds: readonly string[];
  /** Response scales used by the items; the first one is the instrument's main response scale. */
  readonly scales: readonly ResponseScale[];
  readonly items: readonly ItemSpec[];
  readonly pages: readonly PageSpec[];
  readonly scoring: ScoringSpec;
  /** Wording per language (bundled instruments, or after a text pack was applied). */
  readonly text?: Partial<Readonly<Record<Language, InstrumentText>>>;
  /** SurveyJS definition per language, built from structure and text (bundled, or after a text pack). */
  readonly survey?: Partial<Readonly<Record<Language, SurveyDefinition>>>;
  /** Set by `applyTextPack`: where the wording came from. */
  readonly textPackSource?: string;
}

/**
 * A reference to one instrument version, as stored with every response and score. `id` is a plain string because
 * it is read back from storage; resolving it (`getInstrument`) checks it is a known {@link InstrumentId}.
 */
export interface InstrumentRef {
  readonly id: string;
  readonly version: string;
}

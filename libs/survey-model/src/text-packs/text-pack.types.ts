import type { InstrumentText, Language } from '../model/instrument.types';

/** Format marker of a text pack file (see `docs/text-packs.md`). */
export const TEXT_PACK_FORMAT = 'klik-text-pack@1';

/**
 * Wording for a licensed instrument, imported by an institution that holds the licence. JSON; one pack covers one
 * instrument version and one or more languages.
 */
export interface TextPack {
  readonly format: typeof TEXT_PACK_FORMAT;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  /** Languages the pack supplies; each must be one of the instrument's languages and have a full text. */
  readonly languages: readonly Language[];
  /** Who holds the licence and where the wording came from (kept with the instrument). */
  readonly source: string;
  readonly texts: Partial<Readonly<Record<Language, InstrumentText>>>;
}

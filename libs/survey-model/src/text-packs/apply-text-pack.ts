import type { Instrument, InstrumentText, Language, SurveyDefinition } from '../model/instrument.types';
import { LANGUAGES } from '../model/instrument.types';
import { buildSurveyDefinition, findTextProblems } from '../survey/build-survey-definition';
import { TEXT_PACK_FORMAT, type TextPack } from './text-pack.types';

/** Thrown by {@link applyTextPack} when a pack does not fit the instrument; `problems` lists every issue. */
export class TextPackError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid text pack: ${problems.join('; ')}`);
    this.name = 'TextPackError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every problem that keeps a (parsed, untrusted) pack from being applied to the instrument: wrong format marker,
 * another instrument id or version, an undeclared or unsupported language, a declared language without text, an
 * item without text in a declared language, text for unknown items, missing anchor or option labels. Empty = ok.
 */
export function checkTextPack(instrument: Instrument, pack: unknown): string[] {
  if (!isRecord(pack)) return ['the pack is not a JSON object'];
  const problems: string[] = [];
  if (pack['format'] !== TEXT_PACK_FORMAT) problems.push(`format must be "${TEXT_PACK_FORMAT}"`);
  if (pack['instrumentId'] !== instrument.id)
    problems.push(`pack is for instrument ${String(pack['instrumentId'])}, not ${instrument.id}`);
  if (pack['instrumentVersion'] !== instrument.version) {
    problems.push(`pack is for version ${String(pack['instrumentVersion'])}, not ${instrument.version}`);
  }
  if (typeof pack['source'] !== 'string' || pack['source'].trim() === '')
    problems.push('source (licence holder) is missing');
  const languages = pack['languages'];
  const texts = pack['texts'];
  if (!Array.isArray(languages) || languages.length === 0) {
    problems.push('languages must list at least one language');
    return problems;
  }
  if (!isRecord(texts)) {
    problems.push('texts must be an object by language');
    return problems;
  }
  for (const language of languages) {
    if (!LANGUAGES.includes(language as Language) || !instrument.languages.includes(language as Language)) {
      problems.push(`language ${String(language)} is not one of ${instrument.languages.join(', ')}`);
      continue;
    }
    const text = texts[language as string];
    if (!isRecord(text) || !isRecord(text['items'])) {
      problems.push(`[${String(language)}] no text for a declared language`);
      continue;
    }
    problems.push(...findTextProblems(instrument, text as unknown as InstrumentText, String(language)));
  }
  for (const key of Object.keys(texts))
    if (!languages.includes(key)) problems.push(`text for undeclared language ${key}`);
  return problems;
}

/**
 * Returns the instrument with the pack's wording: `text` and a SurveyJS definition for each language of the pack,
 * `languages` narrowed to those, and `textPackSource` recorded. Structure and scoring are unchanged, so scores
 * and validation are the same as without the pack. Pure: the input instrument is not modified.
 *
 * @throws TextPackError listing every problem found by {@link checkTextPack}.
 */
export function applyTextPack(instrument: Instrument, pack: unknown): Instrument {
  const problems = checkTextPack(instrument, pack);
  if (problems.length > 0) throw new TextPackError(problems);
  const valid = pack as TextPack;
  const text: Partial<Record<Language, InstrumentText>> = {};
  const survey: Partial<Record<Language, SurveyDefinition>> = {};
  for (const language of valid.languages) {
    const languageText = valid.texts[language] as InstrumentText;
    text[language] = languageText;
    survey[language] = buildSurveyDefinition(instrument, languageText, language);
  }
  return { ...instrument, languages: [...valid.languages], text, survey, textPackSource: valid.source };
}

/**
 * Whether an instrument may be put in a study: bundled instruments always; licensed ones only when one of the
 * available packs fits (same id and version, complete in its languages).
 */
export function isUsableInStudy(instrument: Instrument, availablePacks: readonly unknown[]): boolean {
  if (instrument.textAvailability === 'bundled') return true;
  if (instrument.textPackSource !== undefined && instrument.survey !== undefined) return true;
  return availablePacks.some((pack) => checkTextPack(instrument, pack).length === 0);
}

import type { TextInput } from '../common/localized-input';
import type { Language, LocalizedText } from './study.entity';

/**
 * A researcher's text input as stored: a plain string becomes the same text in each of the study's languages (an
 * empty one: no text); an object keeps the languages it gives, trimmed, leaving out empty ones.
 */
export function toLocalizedText(input: TextInput, languages: readonly Language[]): LocalizedText {
  if (typeof input === 'string') {
    const text = input.trim();
    return text ? Object.fromEntries(languages.map((language) => [language, text])) : {};
  }
  const out: LocalizedText = {};
  for (const language of ['nl', 'en'] as const) {
    const text = input[language]?.trim();
    if (text) out[language] = text;
  }
  return out;
}

/**
 * A study text in one language: that language's, else the study's first language that has one, else ''. A study
 * recruits only with its title in every language, so the fallback serves studies from before issue 11 (whose text
 * moved to their first language) and an optional description.
 */
export function textIn(text: LocalizedText, language: Language, languages: readonly Language[]): string {
  const own = text[language];
  if (own) return own;
  for (const other of languages) if (text[other]) return text[other] as string;
  return '';
}

/** A study text for the participant: each of the study's languages, with {@link textIn}'s fallback. */
export function forStudyLanguages(text: LocalizedText, languages: readonly Language[]): LocalizedText {
  return Object.fromEntries(languages.map((language) => [language, textIn(text, language, languages)]));
}

/** The study's languages that have no text (for the check before recruiting). */
export function missingLanguages(text: LocalizedText, languages: readonly Language[]): Language[] {
  return languages.filter((language) => !text[language]?.trim());
}

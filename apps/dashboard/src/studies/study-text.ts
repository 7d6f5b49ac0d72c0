import type { Language, LocalizedText } from '../api/types';

/** A study text as shown: the words, and the language they are in (null when there is no text). */
export interface ShownText {
  text: string;
  language: Language | null;
}

/**
 * A study text (title, description) in the interface language, else in the study's first language that has it,
 * else in any language it has. A plain string (a study from before texts were per language) is shown as it is.
 */
export function studyText(
  text: LocalizedText | string | null | undefined,
  language: Language,
  studyLanguages: readonly Language[],
): ShownText {
  if (typeof text === 'string') return { text, language: null };
  if (!text) return { text: '', language: null };
  const candidates: Language[] = [language, ...studyLanguages, 'nl', 'en'];
  for (const candidate of candidates) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, language: candidate };
  }
  return { text: '', language: null };
}

/** The study's title as plain text (file names, page titles), in the interface language where it has one. */
export function studyTitle(
  study: { title: LocalizedText | string; languages: readonly Language[] },
  language: Language,
): string {
  return studyText(study.title, language, study.languages).text;
}

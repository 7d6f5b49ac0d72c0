/**
 * Each feature folder keeps its own messages (`<feature>/<feature>-messages.ts`) as `{ en, nl }`, built with
 * `featureMessages`; `messages.ts` merges them, so every key is typed and both languages must have all of them.
 */
export interface FeatureMessages<Keys extends string> {
  en: Readonly<Record<Keys, string>>;
  nl: Readonly<Record<Keys, string>>;
}

export function featureMessages<const English extends Record<string, string>>(
  en: English,
  nl: Record<keyof English & string, string>,
): FeatureMessages<keyof English & string> {
  return { en, nl };
}

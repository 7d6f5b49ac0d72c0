// Shared by the research app and the participant pages: keep it free of research code and of React.

export const LANGUAGES = ['nl', 'en'] as const;

export type UiLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'klik.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks Dutch for any `nl-*` browser language, English otherwise. */
export function languageFromBrowser(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

function readStored(): UiLanguage | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isUiLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be blocked (private mode, strict settings); the browser language still works.
    return undefined;
  }
}

/** The user's earlier choice if any, else the browser's languages. */
export function initialLanguage(): UiLanguage {
  const navigatorLanguages =
    typeof navigator === 'undefined'
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return readStored() ?? languageFromBrowser(navigatorLanguages);
}

export function storeLanguage(language: UiLanguage): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, which is acceptable.
  }
}

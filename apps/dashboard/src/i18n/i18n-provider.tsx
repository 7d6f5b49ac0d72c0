import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { initialLanguage, storeLanguage, type UiLanguage } from '../shared/language';
import { translate, type MessageKey, type TranslationValues } from './messages';

export interface I18n {
  language: UiLanguage;
  setLanguage(language: UiLanguage): void;
  t(key: MessageKey, values?: TranslationValues): string;
  formatDate(isoDate: string): string;
  /** Date and time of day, for moments within a day (a login, a session's end). */
  formatDateTime(isoDate: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps {
  children: ReactNode;
  /** Fixed starting language (tests); otherwise the stored choice or the browser's language. */
  initial?: UiLanguage;
}

export function I18nProvider({ children, initial }: I18nProviderProps) {
  const [language, setLanguageState] = useState<UiLanguage>(() => initial ?? initialLanguage());

  useEffect(() => {
    // Screen readers pick their voice from the document language.
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: UiLanguage) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const format = (formatter: Intl.DateTimeFormat, isoDate: string) => {
      const date = new Date(isoDate);
      return Number.isNaN(date.getTime()) ? isoDate : formatter.format(date);
    };
    return {
      language,
      setLanguage,
      t: (key, values) => translate(language, key, values),
      formatDate: (isoDate) => format(dateFormat, isoDate),
      formatDateTime: (isoDate) => format(dateTimeFormat, isoDate),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside an I18nProvider');
  return context;
}

import type { UiLanguage } from '../../shared/language';
import { LANGUAGE_NAMES } from '../participant-messages';

export interface LanguageButtonsProps {
  language: UiLanguage;
  languages: readonly UiLanguage[];
  label: string;
  onChange(language: UiLanguage): void;
}

/** Two large buttons, each language named in itself; the current one is pressed. */
export function LanguageButtons({ language, languages, label, onChange }: LanguageButtonsProps) {
  if (languages.length < 2) return null;
  return (
    <div className="take-languages" role="group" aria-label={label}>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="take-language"
          aria-pressed={option === language}
          onClick={() => {
            if (option !== language) onChange(option);
          }}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}

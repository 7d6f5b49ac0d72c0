import { useId } from 'react';
import { LANGUAGES, isUiLanguage } from '../shared/language';
import { useI18n } from './i18n-provider';
import { LANGUAGE_AUTONYMS } from './messages';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="language-switch-label">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_AUTONYMS[option]}
          </option>
        ))}
      </select>
    </div>
  );
}

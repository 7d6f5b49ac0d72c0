import type { ReactNode } from 'react';
import type { UiLanguage } from '../../shared/language';
import { LanguageButtons } from './language-buttons';
import type { Translate } from './translator';

export interface PageFrameProps {
  t: Translate;
  language: UiLanguage;
  /** Languages to offer; the switch is hidden when there is only one. */
  languages: readonly UiLanguage[];
  onLanguageChange?(language: UiLanguage): void;
  /** Shown on every page of an open invitation. */
  onStop?(): void;
  /** A live region about the connection, kept in place from the first page on so its changes are announced. */
  status?: ReactNode;
  children: ReactNode;
}

/** Banner with the language switch, the page's main content, and a footer with the way out. */
export function PageFrame({
  t,
  language,
  languages,
  onLanguageChange,
  onStop,
  status,
  children,
}: PageFrameProps) {
  return (
    <>
      <header className="take-header">
        <p className="take-site">{t('siteName')}</p>
        {onLanguageChange && (
          <LanguageButtons
            language={language}
            languages={languages}
            label={t('languageLabel')}
            onChange={onLanguageChange}
          />
        )}
      </header>
      <main id="main" className="participant-main">
        {children}
        {status}
      </main>
      <footer className="take-footer">
        <p className="participant-note">{t('privacy')}</p>
        {onStop && (
          <button type="button" className="take-stop-link" onClick={onStop}>
            {t('stopLink')}
          </button>
        )}
      </footer>
    </>
  );
}

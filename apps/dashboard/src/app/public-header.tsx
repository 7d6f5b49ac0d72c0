import { LanguageSwitch, useI18n } from '../i18n';

/** Header of the pages shown before login. */
export function PublicHeader() {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <p className="brand">
          {t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span>
        </p>
        <div className="header-account">
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}

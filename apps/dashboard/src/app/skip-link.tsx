import { useI18n } from '../i18n';

/** First focusable element of every page: jumps keyboard users past the header. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

import { useI18n } from '../i18n';
import type { MonitoringConsent } from './monitoring-api';

/**
 * Consent per version: how many are on which version, how many still owe a renewal (and cannot answer until they
 * give it), and how many left by declining it.
 */
export function ConsentSummary({ consent }: { consent: MonitoringConsent }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="card participants-panel consent-summary" aria-labelledby="monitoring-consent-heading">
      <h3 id="monitoring-consent-heading">{t('monitoring.consent.title')}</h3>
      {consent.versions.length === 0 ? (
        <p className="empty">{t('monitoring.consent.none')}</p>
      ) : (
        <div className="data-table-wrap">
          <table className="data-table consent-table">
            <caption className="visually-hidden">{t('monitoring.consent.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.consent.version')}</th>
                <th scope="col">{t('monitoring.consent.published')}</th>
                <th scope="col">{t('monitoring.consent.renewal')}</th>
                <th scope="col" className="number">
                  {t('monitoring.consent.participants')}
                </th>
              </tr>
            </thead>
            <tbody>
              {consent.versions.map((version) => (
                <tr key={version.version}>
                  <th scope="row">
                    {t('monitoring.consent.versionNumber', { version: version.version })}
                    {version.version === consent.currentVersion && (
                      <span className="muted"> · {t('monitoring.consent.current')}</span>
                    )}
                  </th>
                  <td>
                    <time dateTime={version.publishedAt}>{formatDate(version.publishedAt)}</time>
                  </td>
                  <td>{version.requiresReconsent ? t('monitoring.consent.askedAgain') : '—'}</td>
                  <td className="number">{version.participants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="consent-facts">
        <div>
          <dt>{t('monitoring.consent.notConsented')}</dt>
          <dd>{consent.notConsented}</dd>
        </div>
        {consent.renewalVersion !== null && (
          <div>
            <dt>{t('monitoring.consent.renewalPending', { version: consent.renewalVersion })}</dt>
            <dd className={consent.renewalPending > 0 ? 'attention' : undefined}>{consent.renewalPending}</dd>
          </div>
        )}
        <div>
          <dt>{t('monitoring.consent.declinedRenewal')}</dt>
          <dd>{consent.declinedRenewal}</dd>
        </div>
      </dl>
      <p className="muted">{t('monitoring.consent.explain')}</p>
    </section>
  );
}

import { formatNumber } from '../charts/format';
import { useI18n } from '../i18n';
import { AnalysisStatus } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import type { AlertMeasure } from './analysis-types';
import { useLoad } from '../app/use-load';

/** The practitioner view: clients whose alliance dropped or who deteriorated reliably, newest first. */
export function AlertsPage({ api, filters, options, onUnauthenticated }: AnalysisPageProps) {
  const { t, language, formatDate } = useI18n();
  const { state, retry } = useLoad(
    requestKey('alerts', filters),
    (signal) => api.alerts(filters, options, { signal }),
    onUnauthenticated,
  );
  const when = (measure: AlertMeasure) => {
    const point =
      measure.sessionNumber !== null
        ? t('analyses.alerts.session', { number: measure.sessionNumber })
        : measure.timepointKey;
    return measure.date ? `${point}, ${formatDate(measure.date)}` : point;
  };

  return (
    <AnalysisStatus state={state} onRetry={retry}>
      {(data) => {
        const instruments = data.rules.outcomeInstruments.map((id) => id.toUpperCase()).join(', ');
        return (
          <section aria-labelledby="alerts-heading">
            <h3 id="alerts-heading">{t('analyses.alerts.title')}</h3>
            <p className="muted">
              {data.rules.allianceDrop !== null
                ? t('analyses.alerts.rules', {
                    drop: formatNumber(data.rules.allianceDrop, language, 1),
                    instruments,
                  })
                : t('analyses.alerts.rulesNoDrop', { instruments })}
            </p>
            {data.alerts.length === 0 ? (
              <p className="empty" data-state="empty">
                {t('analyses.alerts.none', { count: data.nClients })}
              </p>
            ) : (
              <>
                <p>{t('analyses.alerts.count', { count: data.alerts.length, clients: data.nClients })}</p>
                <ul className="alert-list">
                  {data.alerts.map((alert, index) => (
                    <li
                      key={`${alert.participantId}-${alert.rule}-${index}`}
                      data-mark="alert"
                      data-rule={alert.rule}
                    >
                      <strong>{alert.participantCode}</strong>{' '}
                      <span className={`badge badge-alert-${alert.rule}`}>
                        {t(`analyses.alerts.${alert.rule}`)}
                      </span>
                      <p>
                        {t('analyses.alerts.detail', {
                          instrument: alert.instrumentId,
                          from: formatNumber(alert.from.value, language),
                          fromWhen: when(alert.from),
                          to: formatNumber(alert.to.value, language),
                          toWhen: when(alert.to),
                          change: `${alert.change > 0 ? '+' : ''}${formatNumber(alert.change, language)}`,
                          threshold: formatNumber(alert.threshold, language),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      }}
    </AnalysisStatus>
  );
}

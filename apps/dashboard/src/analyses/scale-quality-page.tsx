import { TableScroller } from '../charts/table-scroller';
import { formatInterval, formatNumber } from '../charts/format';
import { IntervalChart } from '../charts/interval-chart';
import { useI18n } from '../i18n';
import { AnalysisStatus, EmptyNotice } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import type { ScaleQualityEntry } from './analysis-types';
import { useLoad } from '../app/use-load';

const scaleName = (entry: ScaleQualityEntry) =>
  `${entry.label} (${entry.instrumentId} ${entry.instrumentVersion})`;

/** "klik-disclosure: Timing and fit": the instrument id and the scale's own name fit beside a chart row. */
const shortScaleName = (entry: ScaleQualityEntry) =>
  `${entry.instrumentId}: ${entry.label.split(': ').slice(1).join(': ') || entry.label}`;

/** Cronbach's alpha (Feldt CI) and McDonald's omega of each scale in this sample: a table and a chart. */
export function ScaleQualityPage({ api, filters, options, onUnauthenticated }: AnalysisPageProps) {
  const { t, language } = useI18n();
  const { state, retry } = useLoad(
    requestKey('scale-quality', filters),
    (signal) => api.scaleQuality(filters, options, { signal }),
    onUnauthenticated,
  );

  return (
    <AnalysisStatus state={state} onRetry={retry}>
      {(data) => {
        if (data.scales.length === 0) return <EmptyNotice />;
        return (
          <>
            <TableScroller label={t('analyses.scale.table')}>
              <table className="chart-table scale-quality-table">
                <caption>{t('analyses.scale.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('charts.scale')}</th>
                    <th scope="col" className="numeric">
                      {t('analyses.scale.items')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('charts.n')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('charts.alpha')}
                    </th>
                    <th scope="col">{t('charts.ci')}</th>
                    <th scope="col" className="numeric">
                      {t('charts.omega')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.scales.map((entry) => (
                    <tr
                      key={`${entry.instrumentId}|${entry.instrumentVersion}|${entry.scale}`}
                      data-state={entry.suppressed ? 'suppressed' : undefined}
                    >
                      <th scope="row">{scaleName(entry)}</th>
                      <td className="numeric">{entry.items}</td>
                      <td className="numeric">{entry.n}</td>
                      {entry.suppressed ? (
                        <td colSpan={3}>{t('charts.suppressedLong', { minN: data.minN })}</td>
                      ) : (
                        <>
                          <td className="numeric">{formatNumber(entry.alpha, language)}</td>
                          <td>{formatInterval(entry.alphaCi, language)}</td>
                          <td className="numeric">{formatNumber(entry.omega, language)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
            <p className="muted">{t('analyses.scale.rule', { rule: data.responseRule })}</p>
            <IntervalChart
              title={t('analyses.scale.title')}
              description={t('analyses.scale.description')}
              rows={data.scales.map((entry) => ({
                label: shortScaleName(entry),
                estimate: entry.alpha,
                ci: entry.alphaCi,
                suppressed: entry.suppressed,
                secondary: entry.omega,
                extra: [entry.items, entry.n],
              }))}
              extraColumns={[
                { key: 'items', label: t('analyses.scale.items'), numeric: true, decimals: 0 },
                { key: 'n', label: t('charts.n'), numeric: true, decimals: 0 },
              ]}
              axisLabel={t('charts.coefficient')}
              estimateLabel={t('charts.alpha')}
              secondaryLabel={t('charts.omega')}
              baseDomain={[0.5, 1]}
              reference={0.7}
              minN={data.minN}
              markName="alpha"
            />
          </>
        );
      }}
    </AnalysisStatus>
  );
}

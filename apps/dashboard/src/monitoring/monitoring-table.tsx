import { useI18n } from '../i18n';
import type { MonitoringCounts, MonitoringTimepoint } from './monitoring-api';

const COLUMNS = [
  'participants',
  'invited',
  'opened',
  'started',
  'completed',
  'startedNotFinished',
  'overdue',
] as const satisfies readonly (keyof MonitoringCounts)[];

/** One timepoint's counts: a row per cohort and a total row. */
export function MonitoringTable({ timepoint }: { timepoint: MonitoringTimepoint }) {
  const { t, language } = useI18n();
  const percent = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const rate = (counts: MonitoringCounts) =>
    counts.completionRate === null ? '—' : percent.format(counts.completionRate);
  const title = timepoint.label[language] ?? timepoint.key;
  const cells = (counts: MonitoringCounts) => (
    <>
      {COLUMNS.map((column) => (
        <td
          key={column}
          className={`number${column === 'overdue' && counts.overdue > 0 ? ' attention' : ''}`}
        >
          {counts[column]}
        </td>
      ))}
      <td className="number">{rate(counts)}</td>
    </>
  );
  return (
    <div className="data-table-wrap">
      <table className="data-table monitoring-table">
        <caption>
          {title}
          <span className="muted"> · {t(`monitoring.dueRule.${timepoint.dueRule}`)}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.cohort')}</th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="number">
                {t(`monitoring.column.${column}`)}
              </th>
            ))}
            <th scope="col" className="number">
              {t('monitoring.column.completionRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {timepoint.cohorts.map((cohort) => (
            <tr key={cohort.cohortId}>
              <th scope="row">{cohort.cohortName}</th>
              {cells(cohort)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('monitoring.total')}</th>
            {cells(timepoint.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

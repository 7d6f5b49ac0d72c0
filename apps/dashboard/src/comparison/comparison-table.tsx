import { TableScroller } from '../charts/table-scroller';
import { formatInterval, formatNumber, formatP, formatPercent } from '../charts/format';
import { useI18n } from '../i18n';
import type { Comparison, CountCell, Difference, SuppressionReason } from './comparison-types';

export interface ComparisonTableProps {
  comparison: Comparison;
}

function SuppressedCell({ reason, minN }: { reason: SuppressionReason; minN: number }) {
  const { t } = useI18n();
  return (
    <td data-state="suppressed" data-reason={reason}>
      {t(`comparison.suppressed.${reason}`, { minN })}
    </td>
  );
}

/** The aggregates per institution and in total; every hidden cell says why it is hidden. */
export function ComparisonTable({ comparison }: ComparisonTableProps) {
  const { t, language } = useI18n();
  const { minN } = comparison;
  const count = (cell: CountCell) =>
    cell.suppressed ? (
      <SuppressedCell reason={cell.suppressed} minN={minN} />
    ) : (
      <td className="numeric">{cell.value ?? '–'}</td>
    );
  const percent = (cell: CountCell) =>
    cell.suppressed ? (
      <SuppressedCell reason={cell.suppressed} minN={minN} />
    ) : (
      <td className="numeric">{formatPercent(cell.value, language)}</td>
    );
  const withCi = (value: {
    estimate: number | null;
    ci: readonly [number, number] | null;
    suppressed: SuppressionReason | null;
  }) =>
    value.suppressed ? (
      <SuppressedCell reason={value.suppressed} minN={minN} />
    ) : (
      <td>
        {formatNumber(value.estimate, language)} {formatInterval(value.ci, language)}
      </td>
    );
  const headers = [
    'comparison.participants',
    'comparison.responseRate',
    'comparison.changeN',
    'comparison.percentReliablyImproved',
    'comparison.percentRecovered',
    'comparison.effectSize',
    'comparison.correlation',
  ] as const;

  return (
    <TableScroller label={t('comparison.tableCaption')}>
      <table className="chart-table comparison-table">
        <caption>{t('comparison.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comparison.institution')}</th>
            {headers.map((key) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.institutions.map((row) => (
            <tr key={row.label} data-own={row.own ? 'true' : undefined}>
              <th scope="row">
                {row.name ? `${row.label}: ${row.name}` : row.label}{' '}
                {row.own && <span className="muted">{t('comparison.own')}</span>}
              </th>
              {count(row.participants)}
              {percent(row.responseRate)}
              {count(row.changeN)}
              {percent(row.percentReliablyImproved)}
              {percent(row.percentRecovered)}
              {withCi(row.effectSize)}
              {withCi(row.correlation)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('comparison.total')}</th>
            {count(comparison.total.participants)}
            {percent(comparison.total.responseRate)}
            {count(comparison.total.changeN)}
            {percent(comparison.total.percentReliablyImproved)}
            {percent(comparison.total.percentRecovered)}
            <td>–</td>
            <td>
              {comparison.pooled
                ? `${formatNumber(comparison.pooled.estimate, language)} ${formatInterval(comparison.pooled.ci, language)}`
                : '–'}
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroller>
  );
}

/** Each institution minus the rest, with CI and p, per figure. */
export function VersusRestTable({ comparison }: ComparisonTableProps) {
  const { t, language } = useI18n();
  const columns = [
    ['responseRate', 'comparison.responseRate'],
    ['percentReliablyImproved', 'comparison.percentReliablyImproved'],
    ['percentRecovered', 'comparison.percentRecovered'],
    ['effectSize', 'comparison.effectSize'],
    ['correlation', 'comparison.correlation'],
  ] as const;
  const cell = (difference: Difference, key: string) => {
    if (difference.suppressed)
      return (
        <td key={key} data-state="suppressed" data-reason={difference.suppressed}>
          {t(`comparison.suppressed.${difference.suppressed}`, { minN: comparison.minN })}
        </td>
      );
    if (difference.restInstitutions === 0 || difference.estimate === null)
      return (
        <td key={key} className="muted">
          {t('comparison.versusNone')}
        </td>
      );
    return (
      <td key={key}>
        {t('comparison.difference', {
          estimate: formatNumber(difference.estimate, language),
          ci: formatInterval(difference.ci, language),
          p: formatP(difference.p, language),
        })}
      </td>
    );
  };
  return (
    <TableScroller label={t('comparison.versusCaption')}>
      <table className="chart-table versus-rest-table">
        <caption>{t('comparison.versusCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comparison.institution')}</th>
            {columns.map(([key, label]) => (
              <th scope="col" key={key}>
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.institutions.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map(([key]) => cell(row.versusRest[key], key))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

import { TableScroller } from '../charts/table-scroller';
import { formatInterval, formatNumber, formatP } from '../charts/format';
import { useI18n } from '../i18n';
import type { CorrelationCell } from './analysis-types';

export interface CorrelationTableProps {
  caption: string;
  cells: readonly CorrelationCell[];
  labelOf(id: string): string;
  minN: number;
}

/** The pairs as a statistics table (JASP style): estimate, 95% CI, n, p and adjusted p; suppressed pairs say so. */
export function CorrelationTable({ caption, cells, labelOf, minN }: CorrelationTableProps) {
  const { t, language } = useI18n();
  return (
    <TableScroller label={caption}>
      <table className="chart-table correlation-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('charts.variableX')}</th>
            <th scope="col">{t('charts.variableY')}</th>
            <th scope="col" className="numeric">
              {t('charts.n')}
            </th>
            <th scope="col" className="numeric">
              {t('charts.estimate')}
            </th>
            <th scope="col">{t('charts.ci')}</th>
            <th scope="col" className="numeric">
              {t('charts.p')}
            </th>
            <th scope="col" className="numeric">
              {t('charts.pAdjusted')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={`${cell.x}|${cell.y}`} data-state={cell.suppressed ? 'suppressed' : undefined}>
              <th scope="row">{labelOf(cell.x)}</th>
              <td>{labelOf(cell.y)}</td>
              <td className="numeric">{cell.n}</td>
              {cell.suppressed ? (
                <td colSpan={4}>{t('charts.suppressedLong', { minN })}</td>
              ) : (
                <>
                  <td className="numeric">{formatNumber(cell.estimate, language)}</td>
                  <td>{formatInterval(cell.ci, language)}</td>
                  <td className="numeric">{formatP(cell.p, language)}</td>
                  <td className="numeric">{formatP(cell.pAdjusted, language)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

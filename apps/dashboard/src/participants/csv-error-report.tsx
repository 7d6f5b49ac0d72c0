import { useI18n } from '../i18n';
import type { CsvRowError } from './participants-api';

/** The API's per-row report of a refused CSV, as a table a researcher can fix the file from. */
export function CsvErrorReport({ rows }: { rows: readonly CsvRowError[] }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <div className="data-table-wrap">
      <table className="data-table csv-errors">
        <caption>{t('participants.csv.reportCaption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t('participants.csv.row')}
            </th>
            <th scope="col">{t('participants.csv.column')}</th>
            <th scope="col">{t('participants.csv.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.row}-${row.column}-${index}`}>
              <td className="number">{row.row > 0 ? row.row : t('participants.csv.wholeFile')}</td>
              <td>{row.column}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

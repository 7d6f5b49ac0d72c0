import { TableScroller } from './table-scroller';
import type { UiLanguage } from '../shared/language';
import type { DataTable } from './data-table';
import { formatNumber, formatP } from './format';

export interface DataTableViewProps {
  table: DataTable;
  caption: string;
  language: UiLanguage;
  id?: string;
}

/** The chart's numbers as an ordinary table: the alternative for screen readers and for reading exact values. */
export function DataTableView({ table, caption, language, id }: DataTableViewProps) {
  return (
    <TableScroller label={caption} id={id}>
      <table className="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => {
                const column = table.columns[cellIndex];
                const text =
                  typeof cell === 'number'
                    ? column?.pValue
                      ? formatP(cell, language)
                      : formatNumber(cell, language, column?.decimals ?? 2)
                    : cell === null
                      ? '–'
                      : cell;
                return cellIndex === 0 ? (
                  <th key={cellIndex} scope="row">
                    {text}
                  </th>
                ) : (
                  <td key={cellIndex} className={column?.numeric ? 'numeric' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

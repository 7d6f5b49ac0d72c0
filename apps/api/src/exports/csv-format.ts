import { csvCell as spreadsheetCell, DEFUSED_FORMULA } from '@klik/csv';
import { stringify } from 'csv-stringify/sync';
import type { VariableType } from './export-layout';

/** Integer and decimal columns keep their numbers; string and date columns are text. */
const isNumeric = (type: VariableType | undefined) => type === 'integer' || type === 'number';

/**
 * One cell by its column's type, with the formula rule of `@klik/csv`: empty for missing, 1/0 for booleans, numbers
 * (and number literals such as pg's `numeric` strings) unchanged in numeric columns, and every text, in any column,
 * with a leading apostrophe when it starts with `=`, `+`, `-`, `@`, tab or carriage return.
 */
export function csvCell(value: unknown, type: VariableType): string {
  return spreadsheetCell(value, { numeric: isNumeric(type) });
}

/**
 * Rows as RFC 4180 CSV text (comma, `"` quoting where needed, LF line ends) through csv-stringify: the caller
 * writes a batch at a time, so a file of any size is produced with memory for one batch. `types` are the column
 * types in order (from the export layout); a cell beyond them is text. Defused cells are always quoted (OWASP).
 */
export function csvRows(rows: readonly (readonly unknown[])[], types: readonly VariableType[]): string {
  return stringify(
    rows.map((row) => row.map((value, i) => csvCell(value, types[i] ?? 'string'))),
    { record_delimiter: 'unix', quoted_match: [/[\s,"]/, DEFUSED_FORMULA] },
  );
}

/** The header row: variable names, written as text (the same formula rule). */
export function csvHeader(names: readonly string[]): string {
  return csvRows([names], []);
}

import { stringify } from 'csv-stringify/sync';

/** Cells that a spreadsheet would run as a formula (CSV injection); such text gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: empty for missing, 1/0 for booleans, numbers as they are, formula-like text defused. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return FORMULA_START.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
}

/**
 * Rows as RFC 4180 CSV text (comma, `"` quoting where needed, LF line ends) through csv-stringify: the caller
 * writes a batch at a time, so a file of any size is produced with memory for one batch.
 */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { record_delimiter: 'unix', quoted_match: /[\s,"]/ },
  );
}

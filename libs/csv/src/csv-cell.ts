import { isNumberLiteral } from './number-literal';
import { spreadsheetSafe } from './spreadsheet-safe';

/** What a writer knows about a cell's column. */
export interface CsvCellOptions {
  /** True for a numeric column (integer or decimal): its numbers and number literals are written as they are. */
  numeric?: boolean;
}

/**
 * The text of one CSV cell, before CSV quoting, with the formula-injection rule applied by column type:
 *
 * - `null` / `undefined` → empty; booleans → `1` / `0`;
 * - a JavaScript number → its digits (`-3`, `2.5`), in any column (a number cannot hold a formula); NaN and
 *   ±Infinity → empty;
 * - text in a numeric column that is a plain number literal (`'-3'`, as `pg` returns `numeric`) → unchanged;
 * - any other text, in any column → {@link spreadsheetSafe}: a leading apostrophe when it starts with `=`, `+`,
 *   `-`, `@`, tab or carriage return (OWASP, https://owasp.org/www-community/attacks/CSV_Injection).
 *
 * Other values are written as `String(value)` and then treated as text.
 *
 * Complexity: O(n) in the length of the text.
 *
 * @param value the value of the cell
 * @param options `numeric` for a numeric column (default: a text column)
 * @example
 * csvCell(-3, { numeric: true }); // '-3'
 * csvCell('-3', { numeric: true }); // '-3'
 * csvCell('-3'); // "'-3" (text that starts with a minus)
 * csvCell('-2+3', { numeric: true }); // "'-2+3" (not a number, so text)
 */
export function csvCell(value: unknown, options: CsvCellOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return options.numeric === true && isNumberLiteral(text) ? text : spreadsheetSafe(text);
}

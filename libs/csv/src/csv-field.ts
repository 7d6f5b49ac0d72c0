import { csvCell, type CsvCellOptions } from './csv-cell';
import { DEFUSED_FORMULA } from './spreadsheet-safe';

/** RFC 4180 section 2: a field holding a separator, a double quote or a line break must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 field (comma-separated files) for writers without a CSV library, such as the dashboard's
 * downloads: {@link csvCell} (the formula rule by column type), then double quotes around the field when it holds
 * a comma, a double quote or a line break, or when it was defused with an apostrophe (OWASP asks for both the
 * apostrophe and the quotes, https://owasp.org/www-community/attacks/CSV_Injection); embedded quotes are doubled.
 *
 * Complexity: O(n) in the length of the text.
 *
 * @param value the value of the cell
 * @param options `numeric` for a numeric column (default: a text column)
 * @example
 * csvField('=1+1'); // `"'=1+1"`
 * csvField('say "hi"'); // `"say ""hi"""`
 * csvField(-0.5, { numeric: true }); // '-0.5'
 */
export function csvField(value: unknown, options: CsvCellOptions = {}): string {
  const cell = csvCell(value, options);
  return NEEDS_QUOTES.test(cell) || DEFUSED_FORMULA.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

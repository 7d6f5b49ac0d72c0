/**
 * The characters that make a spreadsheet read a cell as a formula when they open it: `=`, `+`, `-`, `@`, tab
 * (0x09) and carriage return (0x0D), the list of OWASP's "CSV Injection"
 * (https://owasp.org/www-community/attacks/CSV_Injection). Kept as one character class so the test for a
 * dangerous cell and the test for a defused one cannot drift apart.
 */
const FORMULA_CHARACTER_CLASS = '[=+\\-@\\t\\r]';

/** True for text that starts with a formula character (see {@link spreadsheetSafe}). */
export const FORMULA_START = new RegExp(`^${FORMULA_CHARACTER_CLASS}`);

/**
 * True for a cell that {@link spreadsheetSafe} defused: an apostrophe, then a formula character. CSV writers quote
 * such cells (OWASP: "ensure that each cell field is enclosed in double quotes"); csv-stringify takes it as a
 * `quoted_match` pattern.
 */
export const DEFUSED_FORMULA = new RegExp(`^'${FORMULA_CHARACTER_CLASS}`);

/**
 * Text made safe for a spreadsheet cell: text that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it as a formula
 * (OWASP CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection). Other text is returned unchanged.
 *
 * The apostrophe is data: Excel hides it, but R (`read.csv`), SPSS (`GET DATA`) and any CSV parser read it as part
 * of the text. Only text goes through here; numbers of numeric columns stay numbers (see `csvCell`).
 *
 * Complexity: O(1) (one anchored test, one concatenation).
 *
 * @param text the cell's text
 * @returns `'` + text when it starts with a formula character, else text
 * @example
 * spreadsheetSafe('-2+3+cmd|\' /C calc\'!A0'); // "'-2+3+cmd|' /C calc'!A0"
 * spreadsheetSafe('18-24'); // '18-24'
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

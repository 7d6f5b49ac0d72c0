/**
 * @klik/csv — CSV cells that a spreadsheet shows as data and never runs as a formula, for every CSV Klik writes
 * (the API's research export, the dashboard's chart tables and invitation links). One rule, one place:
 * OWASP CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection.
 */

// The formula rule
export { DEFUSED_FORMULA, FORMULA_START, spreadsheetSafe } from './spreadsheet-safe';
export { isNumberLiteral } from './number-literal';

// Cells and fields by column type
export { csvCell, type CsvCellOptions } from './csv-cell';
export { csvField } from './csv-field';

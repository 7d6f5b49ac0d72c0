import { parse } from 'csv-parse/sync';
import { csvCell, csvField, spreadsheetSafe } from './index';

/**
 * Formula-injection payloads (OWASP CSV Injection, https://owasp.org/www-community/attacks/CSV_Injection, and the
 * finding that started this library: free text that starts with a minus and a digit). Each must leave a CSV writer
 * with a leading apostrophe, quoted, whatever column it is in.
 */
const FORMULAS = [
  '=1+1',
  '+1+1',
  '-1+1',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=HYPERLINK("http://evil","x")',
  "=cmd|' /C notepad'!'A1'",
  '+44 20 7946 0958',
  '-',
  '@',
];

/** Text that is not a formula: written exactly as given. */
const PLAIN = ['18-24', 'Site A', 'P-00AB12CD34EF5678', '', ' =1+1', '2026-03-01'];

describe('formula corpus', () => {
  it.each(FORMULAS)('defuses %j with a leading apostrophe in a text column', (payload) => {
    expect(spreadsheetSafe(payload)).toBe(`'${payload}`);
    expect(csvCell(payload)).toBe(`'${payload}`);
    expect(csvCell(payload, { numeric: false })).toBe(`'${payload}`);
  });

  it.each(FORMULAS)('treats %j in a numeric column as text, because it is not a number', (payload) => {
    expect(csvCell(payload, { numeric: true })).toBe(`'${payload}`);
  });

  it.each(FORMULAS)(
    'quotes the defused %j so any CSV parser reads the apostrophe and the text back',
    (payload) => {
      const field = csvField(payload);
      expect(field.startsWith(`"'`)).toBe(true);
      expect(parse(`${field}\r\n`, { relax_column_count: true })).toEqual([[`'${payload}`]]);
    },
  );

  it('defuses a negative number written as text in a text column (-2), but not in a numeric column', () => {
    expect(csvCell('-2')).toBe("'-2");
    expect(csvField('-2')).toBe(`"'-2"`);
    expect(csvCell('-2', { numeric: true })).toBe('-2');
    expect(csvField('-2', { numeric: true })).toBe('-2');
  });

  it('keeps numbers of numeric columns numbers: -3 and 2.5, as numbers or as the strings pg returns', () => {
    for (const value of [-3, 2.5, '-3', '2.5', '-0.125', '1e-7', '-1.5E+10', '0']) {
      expect(csvCell(value, { numeric: true })).toBe(String(value));
      expect(csvField(value, { numeric: true })).toBe(String(value));
    }
  });

  it('does not add a second apostrophe to text that already starts with one, but quotes it like a defused cell', () => {
    expect(csvCell("'=1+1")).toBe("'=1+1");
    expect(csvField("'=1+1")).toBe(`"'=1+1"`);
  });

  it.each(PLAIN)('leaves %j unchanged', (text) => {
    expect(spreadsheetSafe(text)).toBe(text);
    expect(csvCell(text)).toBe(text);
    expect(csvField(text)).toBe(text);
  });
});

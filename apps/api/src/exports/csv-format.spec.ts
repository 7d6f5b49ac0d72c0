import { parse } from 'csv-parse/sync';
import { csvCell, csvRows } from './csv-format';

describe('csv format', () => {
  it('writes missing as empty, booleans as 1/0 and numbers unchanged', () => {
    expect([null, undefined, true, false, 0, 2.5, -3, Number.NaN].map(csvCell)).toEqual([
      '',
      '',
      '1',
      '0',
      '0',
      '2.5',
      '-3',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks so csv-parse reads the same values back', () => {
    const rows = [
      ['participant', 'note'],
      ['P-1', 'one, "two"\nthree'],
      ['P-2', 'plain'],
    ];
    const text = csvRows(rows);
    expect(text.endsWith('\n')).toBe(true);
    expect(parse(text)).toEqual(rows);
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers or age bands', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('18-24')).toBe('18-24');
  });
});

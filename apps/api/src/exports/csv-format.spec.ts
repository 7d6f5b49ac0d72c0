import { parse } from 'csv-parse/sync';
import { csvCell, csvHeader, csvRows } from './csv-format';
import type { VariableType } from './export-layout';

describe('csv format', () => {
  it('writes missing as empty, booleans as 1/0 and numbers unchanged', () => {
    for (const type of ['integer', 'number', 'string'] as const) {
      expect([null, undefined, true, false, 0, 2.5, -3, Number.NaN].map((v) => csvCell(v, type))).toEqual([
        '',
        '',
        '1',
        '0',
        '0',
        '2.5',
        '-3',
        '',
      ]);
    }
  });

  it('quotes commas, quotes and line breaks so csv-parse reads the same values back', () => {
    const rows = [
      ['participant', 'note'],
      ['P-1', 'one, "two"\nthree'],
      ['P-2', 'plain'],
    ];
    const text = csvRows(rows, ['string', 'string']);
    expect(text.endsWith('\n')).toBe(true);
    expect(parse(text)).toEqual(rows);
  });

  it('defuses text a spreadsheet would run as a formula, in every text and date column', () => {
    for (const type of ['string', 'date'] as const) {
      expect(csvCell('=HYPERLINK("x")', type)).toBe(`'=HYPERLINK("x")`);
      expect(csvCell('@SUM(A1)', type)).toBe(`'@SUM(A1)`);
      expect(csvCell('+1+1', type)).toBe(`'+1+1`);
      expect(csvCell('\t=1+1', type)).toBe(`'\t=1+1`);
      expect(csvCell('\r=1+1', type)).toBe(`'\r=1+1`);
      // The finding: text that starts with a minus and a digit used to pass through unescaped.
      expect(csvCell("-2+3+cmd|' /C calc'!A0", type)).toBe(`'-2+3+cmd|' /C calc'!A0`);
      expect(csvCell('-12', type)).toBe(`'-12`);
      expect(csvCell('18-24', type)).toBe('18-24');
    }
  });

  it('keeps numbers and number literals (as pg returns numeric) of integer and number columns numeric', () => {
    for (const type of ['integer', 'number'] as const) {
      expect(csvCell(-3, type)).toBe('-3');
      expect(csvCell('-3', type)).toBe('-3');
      expect(csvCell('-12.50', type)).toBe('-12.50');
      // Not a number, so text even in a numeric column.
      expect(csvCell("-2+3+cmd|' /C calc'!A0", type)).toBe(`'-2+3+cmd|' /C calc'!A0`);
      expect(csvCell('+3', type)).toBe(`'+3`);
    }
  });

  it('writes each cell by its column type and quotes every defused cell', () => {
    const types: VariableType[] = ['string', 'string', 'number', 'integer', 'date'];
    const text = csvRows(
      [
        ['P-1', "-2+3+cmd|' /C calc'!A0", -3, '-4', '2026-03-01'],
        ['P-2', '=1+1', '-2.5', 2, null],
      ],
      types,
    );
    expect(text).toBe(`P-1,"'-2+3+cmd|' /C calc'!A0",-3,-4,2026-03-01\nP-2,"'=1+1",-2.5,2,\n`);
    expect(parse(text)).toEqual([
      ['P-1', "'-2+3+cmd|' /C calc'!A0", '-3', '-4', '2026-03-01'],
      ['P-2', "'=1+1", '-2.5', '2', ''],
    ]);
  });

  it('treats cells beyond the given types as text', () => {
    expect(csvRows([['-1', '-1']], ['integer'])).toBe(`-1,"'-1"\n`);
  });

  it('writes the header row as text', () => {
    expect(csvHeader(['participant', '=evil', '-1'])).toBe(`participant,"'=evil","'-1"\n`);
  });
});

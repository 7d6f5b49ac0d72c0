import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it('writes missing as empty, booleans as 1/0 and finite numbers as digits, in any column', () => {
    for (const numeric of [true, false]) {
      expect(
        [null, undefined, true, false, 0, 2.5, -3, Number.NaN, Infinity].map((v) => csvCell(v, { numeric })),
      ).toEqual(['', '', '1', '0', '0', '2.5', '-3', '', '']);
    }
  });

  it('writes a number literal unchanged in a numeric column and defuses it in a text column', () => {
    expect(csvCell('-3', { numeric: true })).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell('+3', { numeric: true })).toBe("'+3");
  });

  it('treats anything else in a numeric column as text', () => {
    expect(csvCell('NaN', { numeric: true })).toBe('NaN');
    expect(csvCell('-2+3', { numeric: true })).toBe("'-2+3");
    expect(csvCell('@1', { numeric: true })).toBe("'@1");
  });

  it('writes other values as their string, then as text', () => {
    expect(csvCell(10n, { numeric: true })).toBe('10');
    expect(csvCell({ toString: () => '=1+1' })).toBe("'=1+1");
  });
});

import { correlationFixture, expectClose, reportWorstErrors, type Numbers } from '../../test/expect-close';
import { correlationMatrix, type CorrelationMethod } from './correlation-matrix';
import { pearson } from './pearson';

interface MatrixCase {
  method: CorrelationMethod;
  adjust: 'none' | 'holm' | 'BH';
  expected: {
    variables: string[];
    estimate: number[][];
    n: number[][];
    p: number[][];
    pAdjusted: number[][];
  };
}

const fixture = correlationFixture<{ matrix: { columns: Record<string, Numbers>; cases: MatrixCase[] } }>()
  .matrix;

afterAll(reportWorstErrors);

describe('correlationMatrix', () => {
  // Expected values: cor.test per pair on its complete cases, then p.adjust over the 10 distinct pairs
  // (reference/correlation.R); the diagonal is 1 with p 0, as psych::corr.test.
  it.each(fixture.cases.map((c) => [`${c.method} ${c.adjust}`, c] as const))('matches R: %s', (_, c) => {
    const result = correlationMatrix(fixture.columns, { method: c.method, adjust: c.adjust });
    expect(result.variables).toEqual(c.expected.variables);
    result.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        expect(cell.n).toBe(c.expected.n[i][j]);
        expectClose(
          cell.estimate,
          c.expected.estimate[i][j],
          1e-10,
          `correlationMatrix ${c.method} estimate`,
        );
        expectClose(cell.p, c.expected.p[i][j], 1e-12, `correlationMatrix ${c.method} p`);
        expectClose(
          cell.pAdjusted,
          c.expected.pAdjusted[i][j],
          1e-12,
          `correlationMatrix ${c.method} pAdjusted`,
        );
      }),
    );
  });

  it('uses the shared-column fast path for complete columns with the same results as pearson()', () => {
    const n = 5000;
    const a = Array.from({ length: n }, (_, i) => Math.sin(i));
    const b = a.map((value, i) => value + Math.cos(i * 1.7));
    const c = a.map((value, i) => -value + Math.sin(i * 0.3) * 2);
    const result = correlationMatrix({ a, b, c });
    expectClose(result.cells[0][1].estimate, pearson(a, b).r, 1e-13, 'correlationMatrix fast path r');
    expectClose(result.cells[1][2].p, pearson(b, c).p, 1e-11, 'correlationMatrix fast path p');
    expect(result.cells[2][1]).toEqual(result.cells[1][2]);
  });

  it('gives NaN cells for a constant column or a pair with too few complete pairs, without throwing', () => {
    const result = correlationMatrix(
      { a: [1, 2, 3, 4, 5], constant: [2, 2, 2, 2, 2], sparse: [1, null, null, null, 3] },
      { method: 'spearman', adjust: 'holm' },
    );
    expect(result.cells[0][1].estimate).toBeNaN();
    expect(result.cells[0][2].n).toBe(2);
    expect(result.cells[0][2].estimate).toBeNaN();
    expect(result.cells[0][2].pAdjusted).toBeNaN();
    expect(result.cells[1][1]).toEqual({ estimate: 1, n: 5, p: 0, pAdjusted: 0 });
  });

  it('throws on unequal lengths, no columns or an unknown method', () => {
    expect(() => correlationMatrix({ a: [1, 2, 3], b: [1, 2] })).toThrow(RangeError);
    expect(() => correlationMatrix({})).toThrow(RangeError);
    expect(() => correlationMatrix({ a: [1, 2, 3] }, { method: 'distance' as CorrelationMethod })).toThrow(
      RangeError,
    );
  });
});

import { correlationFixture, expectClose, reportWorstErrors } from '../../test/expect-close';
import { adjustPValues, type PValueAdjustment } from './adjust-p-values';

interface AdjustCase {
  method: PValueAdjustment;
  p: (number | null)[];
  expected: (number | null)[];
}

const cases = correlationFixture<{ padjust: AdjustCase[] }>().padjust;

afterAll(reportWorstErrors);

describe('adjustPValues', () => {
  // Expected values: R p.adjust(p, method) with ties and an NA (reference/correlation.R).
  it.each(cases.map((c) => [c.method, c] as const))('matches R p.adjust: %s', (_, c) => {
    const result = adjustPValues(c.p, c.method);
    expect(result).toHaveLength(c.expected.length);
    result.forEach((value, index) =>
      expectClose(value, c.expected[index] ?? NaN, 1e-15, `adjustPValues ${c.method}`),
    );
  });

  it('leaves an empty list empty and rejects an unknown method', () => {
    expect(adjustPValues([], 'holm')).toEqual([]);
    expect(() => adjustPValues([0.1], 'hommel' as PValueAdjustment)).toThrow(RangeError);
  });
});

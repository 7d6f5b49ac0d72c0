import {
  correlationFixture,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
} from '../../test/expect-close';
import { compareCorrelations, type CorrelationSample } from './compare-correlations';

interface CompareCase {
  first: CorrelationSample;
  second: CorrelationSample;
  alternative: AlternativeName;
  expected: { z: number; p: number };
}

const cases = correlationFixture<{ compare: CompareCase[] }>().compare;

afterAll(reportWorstErrors);

describe('compareCorrelations', () => {
  // Expected values: (atanh(r1) - atanh(r2)) / sqrt(1/(n1-3) + 1/(n2-3)) and pnorm tails in R (reference/correlation.R).
  it.each(cases.map((c) => [`${c.first.r}/${c.second.r} ${c.alternative}`, c] as const))(
    'matches R: %s',
    (_, c) => {
      const result = compareCorrelations(c.first, c.second, { alternative: c.alternative });
      expectClose(result.z, c.expected.z, 1e-10, 'compareCorrelations z');
      expectClose(result.p, c.expected.p, 1e-12, 'compareCorrelations p');
    },
  );

  it('throws for n below 4 or r outside [-1, 1]', () => {
    expect(() => compareCorrelations({ r: 0.5, n: 3 }, { r: 0.2, n: 50 })).toThrow(
      new RangeError('compareCorrelations requires n of at least 4 in each sample, got 3'),
    );
    expect(() => compareCorrelations({ r: 1.2, n: 30 }, { r: 0.2, n: 50 })).toThrow(RangeError);
    expect(() => compareCorrelations({ r: NaN, n: 30 }, { r: 0.2, n: 50 })).toThrow(RangeError);
  });
});

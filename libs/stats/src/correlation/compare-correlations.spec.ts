import {
  correlationFixture,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
} from '../../test/expect-close';
import { expectRelative, readFixture } from '../../test/expect-relative';
import { compareCorrelations, type CorrelationSample } from './compare-correlations';

interface CompareCase {
  first: CorrelationSample;
  second: CorrelationSample;
  alternative: AlternativeName;
  expected: { z: number; p: number };
}

const cases = correlationFixture<{ compare: CompareCase[] }>().compare;

interface IntervalCase {
  first: CorrelationSample;
  second: CorrelationSample;
  confidenceLevel: number;
  expected: { difference: number; se: number; ci: [number, number] };
}

const intervalCases = readFixture<{ compareCorrelations: IntervalCase[] }>(
  'comparison.json',
).compareCorrelations;

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

  // Expected values: atanh(r1) - atanh(r2) +/- qnorm * se in R (reference/comparison.R).
  it.each(intervalCases.map((c) => [`${c.first.r}/${c.second.r} at ${c.confidenceLevel}`, c] as const))(
    'gives the interval of the Fisher-z difference as R: %s',
    (_, c) => {
      const result = compareCorrelations(c.first, c.second, { confidenceLevel: c.confidenceLevel });
      expectRelative(result.difference, c.expected.difference, 1e-14, 'difference');
      expectRelative(result.se, c.expected.se, 1e-14, 'se');
      expectRelative(result.ci[0], c.expected.ci[0], 1e-12, 'ci lower');
      expectRelative(result.ci[1], c.expected.ci[1], 1e-12, 'ci upper');
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

import fc from 'fast-check';
import { correlationFixture, expectClose, reportWorstErrors, type Numbers } from '../../test/expect-close';
import { pearson } from '../correlation/pearson';
import {
  addObservation,
  createBivariateSummary,
  mergeSummaries,
  summarisePairs,
  type BivariateSummary,
} from './bivariate-summary';
import { summaryPearson } from './summary-pearson';

afterAll(reportWorstErrors);

function expectSameSummary(
  actual: BivariateSummary,
  expected: BivariateSummary,
  tolerance: number,
  label: string,
): void {
  expect(actual.n).toBe(expected.n);
  // Compared on their natural scales: a mean near 0 or a co-moment near 0 has no relative precision, so means are
  // compared relative to the spread plus magnitude, the co-moment relative to sqrt(m2X m2Y).
  const scaleX = Math.sqrt(expected.m2X / expected.n) + Math.abs(expected.meanX) || 1;
  const scaleY = Math.sqrt(expected.m2Y / expected.n) + Math.abs(expected.meanY) || 1;
  const scaleXY = Math.sqrt(expected.m2X * expected.m2Y) || 1;
  const within = (difference: number, scale: number, name: string) => {
    if (!(Math.abs(difference) / scale <= tolerance))
      throw new Error(`${label} ${name}: ${difference} on scale ${scale}`);
  };
  within(actual.meanX - expected.meanX, scaleX, 'meanX');
  within(actual.meanY - expected.meanY, scaleY, 'meanY');
  within(actual.m2X - expected.m2X, expected.m2X || 1, 'm2X');
  within(actual.m2Y - expected.m2Y, expected.m2Y || 1, 'm2Y');
  within(actual.coMoment - expected.coMoment, scaleXY, 'coMoment');
}

const pairsArbitrary = fc
  .array(
    fc.tuple(
      fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }),
    ),
    {
      minLength: 2,
      maxLength: 200,
    },
  )
  .chain((pairs) =>
    fc.tuple(
      fc.constant(pairs),
      fc.uniqueArray(fc.integer({ min: 1, max: pairs.length - 1 }), { maxLength: 6 }),
    ),
  );

describe('mergeable bivariate summaries (Chan, Golub & LeVeque 1979)', () => {
  it('merging the summaries of any split of the rows equals the summary of all rows', () => {
    fc.assert(
      fc.property(pairsArbitrary, ([pairs, cuts]) => {
        const x = pairs.map((pair) => pair[0]);
        const y = pairs.map((pair) => pair[1]);
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), pairs.length];
        let merged = createBivariateSummary();
        for (let i = 0; i + 1 < bounds.length; i++) {
          merged = mergeSummaries(
            merged,
            summarisePairs(x.slice(bounds[i], bounds[i + 1]), y.slice(bounds[i], bounds[i + 1])),
          );
        }
        expectSameSummary(merged, summarisePairs(x, y), 1e-9, 'merge');
      }),
      { numRuns: 300, seed: 20261129, endOnFailure: true },
    );
  });

  it('Welford updates one row at a time agree with the two-pass summary', () => {
    fc.assert(
      fc.property(pairsArbitrary, ([pairs]) => {
        const summary = createBivariateSummary();
        for (const [a, b] of pairs) addObservation(summary, a, b);
        expectSameSummary(
          summary,
          summarisePairs(
            pairs.map((pair) => pair[0]),
            pairs.map((pair) => pair[1]),
          ),
          1e-9,
          'welford',
        );
      }),
      { numRuns: 200, seed: 7, endOnFailure: true },
    );
  });

  it('gives the pooled Pearson r of R (fixture) from three shard summaries, and skips missing pairs', () => {
    const c = correlationFixture<{
      pearson: { name: string; x: Numbers; y: Numbers; expected: { r: number } }[];
    }>().pearson.find((entry) => entry.name === 'small_ties_missing');
    if (!c) throw new Error('fixture case small_ties_missing missing');
    const shards = [0, 4, 9, c.x.length];
    let merged = createBivariateSummary();
    for (let i = 0; i < 3; i++) {
      merged = mergeSummaries(
        merged,
        summarisePairs(c.x.slice(shards[i], shards[i + 1]), c.y.slice(shards[i], shards[i + 1])),
      );
    }
    const pooled = summaryPearson(merged);
    // R: cor.test(x, y)$estimate on all rows
    expectClose(pooled.r, c.expected.r, 1e-10, 'summaryPearson r');
    expect(pooled.n).toBe(pearson(c.x, c.y).n);
  });

  it('reports NaN for fewer than 2 rows or no variation, and merges empty summaries', () => {
    expect(summaryPearson(createBivariateSummary()).r).toBeNaN();
    expect(summaryPearson(summarisePairs([1], [2])).varianceX).toBeNaN();
    expect(summaryPearson(summarisePairs([1, 1, 1], [1, 2, 3])).r).toBeNaN();
    const one = summarisePairs([1, 2, 3], [3, 1, 2]);
    expect(mergeSummaries(createBivariateSummary(), one)).toEqual(one);
    expect(() => summarisePairs([1, 2], [1])).toThrow(RangeError);
  });
});

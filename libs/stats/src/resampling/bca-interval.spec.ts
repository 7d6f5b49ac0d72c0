import { bcaInterval, percentileInterval, sortedQuantile } from './bca-interval';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface BcaCase {
  name: string;
  estimate: number;
  confidenceLevel: number;
  replicates: number[];
  jackknife: number[];
  percentile: [number, number];
  bca: [number, number];
  biasCorrection: number;
  acceleration: number;
}

const cases = readFixture<BcaCase[]>('resampling.json');

describe('bcaInterval and percentileInterval', () => {
  // R's own replicates and jackknife values go in; R's quantile(type = 7) and the BCa formulas written out in R
  // (reference/resampling.R) are the expected values. This checks the interval arithmetic, not the resampling.
  it.each(cases.map((c) => [c.name, c] as const))('match R on the replicates of %s', (_name, fixture) => {
    const sorted = [...fixture.replicates].sort((a, b) => a - b);
    expectAllRelative(
      percentileInterval(sorted, fixture.confidenceLevel),
      fixture.percentile,
      1e-14,
      'percentile',
    );
    const bca = bcaInterval(fixture.estimate, sorted, fixture.jackknife, fixture.confidenceLevel);
    expectRelative(bca.biasCorrection, fixture.biasCorrection, 1e-12, 'z0');
    expectRelative(bca.acceleration, fixture.acceleration, 1e-12, 'acceleration');
    expectAllRelative(bca.ci, fixture.bca, 1e-12, 'bca');
  });

  it('interpolates quantiles as R type 7', () => {
    // quantile(c(1, 2, 4, 8), c(0, .25, .5, 1), type = 7) = 1, 1.75, 3, 8.
    expect([0, 0.25, 0.5, 1].map((p) => sortedQuantile([1, 2, 4, 8], p))).toEqual([1, 1.75, 3, 8]);
  });

  it('reduces to the percentile interval when z0 = 0 and a = 0', () => {
    // Replicates symmetric around the estimate 0 with exactly half below -> z0 = qnorm(0.5) = 0; a symmetric
    // jackknife gives a = 0; then the adjusted levels are the plain tails.
    const sorted = [-2, -1, -0.5, -0.25, 0.25, 0.5, 1, 2];
    const result = bcaInterval(0, sorted, [-1, 0, 1], 0.8);
    expect(result.biasCorrection).toBe(0);
    expect(result.acceleration).toBe(0);
    expectAllRelative(result.ci, percentileInterval(sorted, 0.8), 1e-15, 'ci');
  });
});

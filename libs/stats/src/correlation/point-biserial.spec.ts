import {
  correlationFixture,
  expectAllClose,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
  type Numbers,
} from '../../test/expect-close';
import { pointBiserial } from './point-biserial';

interface PointBiserialCase {
  binary: Numbers;
  continuous: Numbers;
  alternative: AlternativeName;
  expected: { r: number; n: number; df: number; t: number; p: number; ci: [number, number] };
}

const cases = correlationFixture<{ pointBiserial: PointBiserialCase[] }>().pointBiserial;

afterAll(reportWorstErrors);

describe('pointBiserial', () => {
  // Expected values: R cor.test(binary, continuous, alternative) (reference/correlation.R).
  it.each(cases.map((c) => [c.alternative, c] as const))('matches R: %s', (_, c) => {
    const result = pointBiserial(c.binary, c.continuous, { alternative: c.alternative });
    expect(result.n).toBe(c.expected.n);
    expectClose(result.r, c.expected.r, 1e-10, 'pointBiserial r');
    expectClose(result.t, c.expected.t, 1e-10, 'pointBiserial t');
    expectClose(result.p, c.expected.p, 1e-12, 'pointBiserial p');
    expectAllClose(result.ci, c.expected.ci, 1e-10, 'pointBiserial ci');
  });

  it('rejects a variable that is not 0/1 and gives NaN with one group only', () => {
    expect(() => pointBiserial([0, 1, 2, 1], [1, 2, 3, 4])).toThrow(
      new RangeError('pointBiserial requires the binary variable to hold only 0 and 1, got 2'),
    );
    expect(pointBiserial([1, 1, 1, null], [1, 2, 3, 4]).r).toBeNaN();
  });
});

import { reliableChange } from './reliable-change';
import { expectRelative, readFixture } from '../../test/expect-relative';

interface ChangeCase {
  name: string;
  pre: (number | null)[];
  post: (number | null)[];
  options: {
    sd: number;
    reliability: number;
    confidenceLevel: number;
    direction: 'lower-is-better' | 'higher-is-better';
  };
  standardError: number;
  standardErrorOfDifference: number;
  criticalValue: number;
  rc: (number | null)[];
  category: (string | null)[];
}

const cases = readFixture<ChangeCase[]>('change.json');

describe('reliableChange', () => {
  it('works through Jacobson & Truax by hand', () => {
    // sd 5, r_xx .84: SE = 5 * sqrt(.16) = 2, S_diff = sqrt(2) * 2 = 2.828427, RC = (9 - 18) / 2.828427 = -3.181981.
    const result = reliableChange(18, 9, { sd: 5, reliability: 0.84 });
    expectRelative(result.standardError, 2, 1e-15, 'SE');
    expectRelative(result.standardErrorOfDifference, 2 * Math.SQRT2, 1e-15, 'S_diff');
    expectRelative(result.rc, -9 / (2 * Math.SQRT2), 1e-15, 'RC');
    expect(result).toMatchObject({ change: -9, reliable: true, outcome: 'improved' });
    // Threshold 1.959964 * 2.828427 = 5.5437: a change of 5 is not reliable, one of 6 is.
    expect(reliableChange(18, 13, { sd: 5, reliability: 0.84 }).outcome).toBe('unchanged');
    expect(reliableChange(12, 18, { sd: 5, reliability: 0.84 }).outcome).toBe('deteriorated');
    expect(reliableChange(12, 18, { sd: 5, reliability: 0.84, direction: 'higher-is-better' }).outcome).toBe(
      'improved',
    );
    expectRelative(
      reliableChange(0, 1, { sd: 5, reliability: 0.84 }).reliableChangeThreshold,
      1.959963984540054 * 2 * Math.SQRT2,
      1e-15,
      'threshold',
    );
  });

  // Expected values: Jacobson & Truax written out in base R (reference/change.R).
  it.each(cases.map((c) => [c.name, c] as const))('matches the R computation on %s', (_name, fixture) => {
    const results = reliableChange(fixture.pre, fixture.post, fixture.options);
    expect(results).toHaveLength(fixture.pre.length);
    results.forEach((result, index) => {
      expectRelative(result.standardError, fixture.standardError, 1e-15, 'SE');
      expectRelative(result.standardErrorOfDifference, fixture.standardErrorOfDifference, 1e-15, 'S_diff');
      expectRelative(result.criticalValue, fixture.criticalValue, 1e-14, 'critical value');
      const expectedRc = fixture.rc[index];
      if (expectedRc === null) {
        expect(result.rc).toBeNaN();
        expect(result.outcome).toBeNull();
      } else {
        expectRelative(result.rc, expectedRc, 1e-14, `rc[${index}]`);
        const category = fixture.category[index];
        expect(result.outcome).toBe(category === 'recovered' ? 'improved' : category);
      }
    });
  });

  it('keeps missing pairs in place with NaN and a null outcome', () => {
    const results = reliableChange([10, null, 12, NaN], [4, 5, undefined, 3], { sd: 4, reliability: 0.8 });
    expect(results.map((r) => r.outcome)).toEqual(['improved', null, null, null]);
    expect(reliableChange(null, 3, { sd: 4, reliability: 0.8 }).rc).toBeNaN();
  });

  it('throws a RangeError for invalid options and mismatched inputs', () => {
    expect(() => reliableChange(1, 2, { sd: 0, reliability: 0.8 })).toThrow(
      new RangeError('reliableChange requires sd > 0, got 0'),
    );
    expect(() => reliableChange(1, 2, { sd: 3, reliability: 1 })).toThrow(
      new RangeError('reliableChange requires a reliability in [0, 1), got 1'),
    );
    expect(() => reliableChange(1, 2, { sd: 3, reliability: 0.8, confidenceLevel: 1.2 })).toThrow(RangeError);
    expect(() => reliableChange([1, 2], [2], { sd: 3, reliability: 0.8 })).toThrow(RangeError);
  });
});

describe('reliableChange with a published threshold', () => {
  // PHQ-9: a change of at least 6 points is reliable (DOMAIN.md); hand-worked: 14 -> 8 is -6 (reliable, improved),
  // 14 -> 9 is -5 (not), 8 -> 14 is +6 (reliable, deteriorated).
  it('counts a change of at least the threshold as reliable, in either direction', () => {
    const results = reliableChange([14, 14, 8], [8, 9, 14], { threshold: 6 });
    expect(results.map((r) => r.reliable)).toEqual([true, false, true]);
    expect(results.map((r) => r.outcome)).toEqual(['improved', 'unchanged', 'deteriorated']);
    expect(results[0].reliableChangeThreshold).toBe(6);
    // S_diff = 6 / 1.959964 so that RC = -6 / S_diff = -1.959964: exactly at the critical value.
    expect(results[0].rc).toBeCloseTo(-1.959963984540054, 12);
  });

  it('refuses a threshold together with sd and reliability, and a non-positive threshold', () => {
    expect(() => reliableChange(1, 2, { threshold: 6, sd: 5, reliability: 0.8 })).toThrow(RangeError);
    expect(() => reliableChange(1, 2, { threshold: 0 })).toThrow(/threshold > 0/);
    expect(() => reliableChange(1, 2, {})).toThrow(/sd and reliability, or a threshold/);
  });
});

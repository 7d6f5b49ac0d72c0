import { clinicalSignificance, clinicalCutoffs } from './clinical-significance';
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
    dysfunctional: { mean: number; sd: number };
    functional: { mean: number; sd: number };
    criterion: 'a' | 'b' | 'c';
  };
  cutoffs: { a: number; b: number; c: number };
  cutoff: number;
  rc: (number | null)[];
  category: (string | null)[];
}

const cases = readFixture<ChangeCase[]>('change.json');

describe('clinicalSignificance', () => {
  it('computes the Jacobson & Truax cut-offs by hand', () => {
    // Symptom scale, dysfunctional 20 (sd 5), functional 6 (sd 4): a = 20 - 10 = 10, b = 6 + 8 = 14,
    // c = (4 * 20 + 5 * 6) / (4 + 5) = 110 / 9.
    expect(clinicalCutoffs('lower-is-better', { mean: 20, sd: 5 }, { mean: 6, sd: 4 })).toEqual({
      a: 10,
      b: 14,
      c: 110 / 9,
    });
    // Well-being, dysfunctional 30 (sd 10), functional 50 (sd 8): a = 50, b = 34, c = (8 * 30 + 10 * 50) / 18.
    expect(clinicalCutoffs('higher-is-better', { mean: 30, sd: 10 }, { mean: 50, sd: 8 })).toEqual({
      a: 50,
      b: 34,
      c: 740 / 18,
    });
  });

  it('classifies hand-worked people on a PHQ-9-like scale (cut-off 10, S_diff = 2.828, threshold 5.54)', () => {
    const options = { sd: 5, reliability: 0.84, cutoff: 10 };
    // 16 -> 6: RC -3.54, reliable, 16 >= 10 and 6 < 10: recovered.
    expect(clinicalSignificance(16, 6, options).category).toBe('recovered');
    // 22 -> 12: RC -3.54, reliable but still >= 10: improved.
    expect(clinicalSignificance(22, 12, options).category).toBe('improved');
    // 12 -> 8: crossed the cut-off, but a drop of 4 is not reliable: unchanged.
    expect(clinicalSignificance(12, 8, options)).toMatchObject({
      crossedCutoff: true,
      category: 'unchanged',
    });
    // 8 -> 15: reliable increase in symptoms: deteriorated.
    expect(clinicalSignificance(8, 15, options).category).toBe('deteriorated');
    // Exactly at the cut-off counts as dysfunctional (PHQ-9 caseness is >= 10): 10 -> 3 recovered, 15 -> 10 not.
    expect(clinicalSignificance(10, 3, options).category).toBe('recovered');
    expect(clinicalSignificance(16, 10, options).category).toBe('improved');
  });

  it('classifies well-being scores where higher is better', () => {
    const options = { sd: 10, reliability: 0.9, direction: 'higher-is-better' as const, cutoff: 40 };
    // S_diff = sqrt(2) * 10 * sqrt(.1) = 4.472, threshold 8.77: 30 -> 45 recovered, 30 -> 39 improved.
    expect(clinicalSignificance(30, 45, options).category).toBe('recovered');
    expect(clinicalSignificance(30, 39, options).category).toBe('improved');
    expect(clinicalSignificance(45, 30, options).category).toBe('deteriorated');
  });

  // Expected values: Jacobson & Truax written out in base R (reference/change.R).
  it.each(cases.map((c) => [c.name, c] as const))('matches the R computation on %s', (_name, fixture) => {
    const results = clinicalSignificance(fixture.pre, fixture.post, fixture.options);
    expectRelative(results[0].cutoff, fixture.cutoff, 1e-15, 'cutoff');
    expectRelative(results[0].cutoffs.a ?? NaN, fixture.cutoffs.a, 1e-15, 'a');
    expectRelative(results[0].cutoffs.b ?? NaN, fixture.cutoffs.b, 1e-15, 'b');
    expectRelative(results[0].cutoffs.c ?? NaN, fixture.cutoffs.c, 1e-15, 'c');
    expect(results.map((result) => result.category)).toEqual(fixture.category);
  });

  it('defaults to criterion c with both norms, a or b with one, and needs a cut-off', () => {
    const base = { sd: 5, reliability: 0.8 };
    const dysfunctional = { mean: 20, sd: 5 };
    const functional = { mean: 6, sd: 4 };
    expect(clinicalSignificance(20, 5, { ...base, dysfunctional, functional }).criterion).toBe('c');
    expect(clinicalSignificance(20, 5, { ...base, dysfunctional }).criterion).toBe('a');
    expect(clinicalSignificance(20, 5, { ...base, functional }).criterion).toBe('b');
    expect(() => clinicalSignificance(20, 5, base)).toThrow(RangeError);
    expect(() => clinicalSignificance(20, 5, { ...base, functional, criterion: 'a' })).toThrow(RangeError);
    expect(() => clinicalSignificance(20, 5, { ...base, dysfunctional: { mean: 20, sd: 0 } })).toThrow(
      RangeError,
    );
  });

  it('keeps missing pairs in place with a null category', () => {
    const results = clinicalSignificance([16, null], [6, 4], { sd: 5, reliability: 0.84, cutoff: 10 });
    expect(results.map((r) => r.category)).toEqual(['recovered', null]);
  });
});

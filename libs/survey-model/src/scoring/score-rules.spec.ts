import type { Instrument } from '../model/instrument.types';
import { getInstrument } from '../instruments/registry';
import { scoreInstrument } from './score-instrument';
import { bandForTotal, combine, computeFlag, isCase, resolveBand } from './score-rules';
import type { ScoringMethod } from './scoring-spec.types';

const phqBands = [
  { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
  { id: 'mild', label: 'Mild', min: 5, max: 9 },
  { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
];

describe('combine', () => {
  it('sum, prorated sum, mean and mean × 10', () => {
    expect(combine('sum', 12, 4, 4)).toBe(12);
    // 12 over 3 of 4 items: 12 × 4 / 3 = 16
    expect(combine('sum', 12, 3, 4)).toBe(16);
    expect(combine('mean', 12, 4, 4)).toBe(3);
    // 7 / 10 × 10 = 7 exactly (computed as 7 × 10 / 10, not 0.7 × 10 = 7.000000000000001)
    expect(combine('mean_x10', 7, 10, 10)).toBe(7);
  });

  it('throws for a method that is not implemented (spec read from untyped data)', () => {
    expect(() => combine('median' as ScoringMethod, 1, 1, 1)).toThrow('Unhandled scoring method');
  });
});

describe('bands', () => {
  it('matches on lower edges, so a prorated 9.5 stays below the next edge of 10', () => {
    expect(bandForTotal(4, phqBands)).toBe('minimal');
    expect(bandForTotal(5, phqBands)).toBe('mild');
    expect(bandForTotal(9.5, phqBands)).toBe('mild');
    expect(bandForTotal(10, phqBands)).toBe('moderate');
  });

  it('outside every band: null', () => {
    expect(bandForTotal(-1, phqBands)).toBeNull();
    expect(bandForTotal(15, phqBands)).toBeNull();
  });

  it('throws for an unknown band rule kind', () => {
    expect(() => resolveBand({ kind: 'z-score' } as never, 1, new Map())).toThrow('Unhandled band rule');
  });
});

describe('cut-offs', () => {
  it.each([
    ['at_or_above', 10, true],
    ['above', 10, false],
    ['at_or_below', 10, true],
    ['below', 10, false],
  ] as const)('%s 10 at a total of 10 → %s', (direction, value, expected) => {
    expect(isCase(10, { value, direction, meaning: 'x' })).toBe(expected);
  });

  it('missing total or no cut-off: null', () => {
    expect(isCase(null, { value: 10, direction: 'above', meaning: 'x' })).toBeNull();
    expect(isCase(12, undefined)).toBeNull();
  });
});

describe('proration of a sum (engine rule, on an edited copy of GAD-7)', () => {
  it('one missing item allowed: the sum is scaled up; two: missing', () => {
    // 1.0.0 states the rule per score (`maxProratedMissing`); later versions state the manual's rule once.
    const gad7 = getInstrument('gad-7', '1.0.0');
    const lenient: Instrument = {
      ...gad7,
      scoring: { ...gad7.scoring, total: { method: 'sum', items: gad7.itemIds, maxProratedMissing: 1 } },
    };
    const answers = { gad7_1: 2, gad7_2: 2, gad7_3: 2, gad7_4: 1, gad7_5: 1, gad7_6: 1 };
    // 9 over 6 of 7 items: 9 × 7 / 6 = 10.5 → band moderate (lower edge 10), caseness (≥ 8)
    expect(scoreInstrument(lenient, answers)).toMatchObject({
      total: 10.5,
      status: 'prorated',
      prorated: true,
      band: 'moderate',
      caseness: true,
    });
    const { gad7_6: _dropped, ...fewer } = answers;
    expect(scoreInstrument(lenient, fewer)).toMatchObject({
      total: null,
      status: 'missing',
      missingCount: 2,
    });
  });
});

describe('flag rules', () => {
  it('throws for a flag kind that is not implemented (spec read from untyped data)', () => {
    expect(() => computeFlag({ kind: 'z-flag' } as never, {})).toThrow('Unhandled flag rule');
  });
});

import { fillBlanks, missingPolicy, roundHalfUp } from './missing-items';
import type { ScoringSpec } from './scoring-spec.types';

const rule = { method: 'sum', items: ['a', 'b', 'c', 'd'] } as const;
const spec = (missingItems: ScoringSpec['missingItems']): ScoringSpec => ({
  scoringVersion: 'test',
  total: rule,
  subscales: [
    { id: 'ab', label: 'AB', method: 'sum', items: ['a', 'b'] },
    { id: 'cd', label: 'CD', method: 'sum', items: ['c', 'd'] },
  ],
  ...(missingItems !== undefined ? { missingItems } : {}),
});

describe('roundHalfUp', () => {
  it.each([
    [2.5, 0, 3],
    [2.4999, 0, 2],
    [1.5, 0, 2],
    [140 / 9, 0, 16],
    [130 / 9, 0, 14],
    [1.005, 2, 1.01], // 1.005 is 1.00499… in binary: the epsilon keeps the manual's "half up"
    [0, 0, 0],
  ])('%d to %i decimals → %d', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });
});

describe('missingPolicy', () => {
  it('1.0.0 specs: the rule’s own maxProratedMissing (0 when absent), reason too_many_missing_items', () => {
    expect(missingPolicy({}, { ...rule, maxProratedMissing: 2 })).toMatchObject({
      maxMissing: 2,
      reasonWhenOver: 'too_many_missing_items',
    });
    expect(missingPolicy({}, rule).maxMissing).toBe(0);
  });

  it('none: no blank allowed, reason no_missing_item_rule, the source in the detail', () => {
    const policy = missingPolicy(spec({ kind: 'none', source: 'Manual X' }), rule);
    expect(policy).toMatchObject({ maxMissing: 0, reasonWhenOver: 'no_missing_item_rule' });
    expect(policy.describe(1, 4)).toBe(
      '1 of 4 items missing; the manual gives no rule for blank items, so no score is made (Manual X)',
    );
  });

  it('prorate: the manual’s limit and rounding; fill: none left after filling', () => {
    expect(
      missingPolicy(spec({ kind: 'prorate', maxMissing: 1, roundTo: 0, source: 'S' }), rule),
    ).toMatchObject({
      maxMissing: 1,
      roundTo: 0,
    });
    expect(
      missingPolicy(spec({ kind: 'fill-subscale-mean', maxPerSubscale: 2, roundTo: 0, source: 'S' }), rule),
    ).toMatchObject({ maxMissing: 0, reasonWhenOver: 'too_many_missing_items' });
  });

  it('throws for a rule kind without a policy (spec read from untyped data)', () => {
    expect(() => missingPolicy(spec({ kind: 'impute-median' } as never), rule)).toThrow('Unhandled');
  });
});

describe('fillBlanks', () => {
  const keyed = new Map<string, number | null>([
    ['a', 3],
    ['b', null],
    ['c', null],
    ['d', null],
  ]);

  it('without the fill rule: values unchanged, nothing imputed', () => {
    expect(fillBlanks(spec({ kind: 'none', source: 'S' }), keyed)).toEqual({ values: keyed, imputed: {} });
  });

  it('fills a blank from its own subscale; a subscale with nothing answered stays blank', () => {
    const filled = fillBlanks(
      spec({ kind: 'fill-subscale-mean', maxPerSubscale: 2, roundTo: 0, source: 'S' }),
      keyed,
    );
    expect(filled.imputed).toEqual({ b: 3 });
    expect(filled.values.get('c')).toBeNull();
  });

  it('past the limit the subscale is not filled at all', () => {
    const twoBlanks = new Map<string, number | null>([
      ['a', 3],
      ['b', 2],
      ['c', 1],
      ['d', null],
    ]);
    const none = fillBlanks(
      spec({ kind: 'fill-subscale-mean', maxPerSubscale: 0, roundTo: 0, source: 'S' }),
      twoBlanks,
    );
    expect(none.imputed).toEqual({});
    const one = fillBlanks(
      spec({ kind: 'fill-subscale-mean', maxPerSubscale: 1, roundTo: 0, source: 'S' }),
      twoBlanks,
    );
    expect(one.imputed).toEqual({ d: 1 });
  });
});

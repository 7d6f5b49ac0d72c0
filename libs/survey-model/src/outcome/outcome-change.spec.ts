import type { ChangeCriteria } from '../scoring/change-criteria';
import {
  changeThresholds,
  type ChangeCriteriaOf,
  type OutcomeMeasure,
  outcomePair,
  versionsComparable,
} from './outcome-change';

// A protocol: baseline (0), sessions (1), end (2), follow-up (3), a second end (4).
const at = (
  timepointId: string,
  total: number | null,
  extra: Partial<OutcomeMeasure> = {},
): OutcomeMeasure => {
  const kinds: Record<string, [string, number]> = {
    base: ['baseline', 0],
    sess: ['session', 1],
    end: ['end', 2],
    fu: ['follow_up', 3],
    end2: ['end', 4],
  };
  const [timepointKind, timepointPosition] = kinds[timepointId];
  return {
    timepointId,
    timepointKind,
    timepointPosition,
    sessionNumber: timepointKind === 'session' ? 1 : null,
    instrumentVersion: '1.0.0',
    total,
    ...extra,
  };
};

/** Two made-up versions: 1.1.0 only rewords (same scoring and criteria), 2.0.0 rescored with other criteria. */
const criteria: ChangeCriteriaOf = (instrumentId, version): ChangeCriteria => ({
  instrumentId,
  instrumentVersion: version,
  scoringVersion: version === '2.0.0' ? '2' : '1',
  norm: null,
  cutoff: { value: version === '2.0.0' ? 12 : 10, direction: 'at_or_above', meaning: 'caseness' },
  reliableChange: { value: version === '2.0.0' ? 7 : 6, improvement: 'decrease', source: 'test' },
});

describe('outcomePair: a participant’s pre and post measure', () => {
  it('end rule: baseline to the first end timepoint, whatever the order the measures come in', () => {
    const result = outcomePair('phq-9', [
      at('fu', 4),
      at('end', 8),
      at('sess', 12),
      at('base', 18),
      at('end2', 3),
    ]);
    expect(result.pair).toMatchObject({ change: -10, version: '1.0.0' });
    expect(result.pair?.pre.timepointId).toBe('base');
    expect(result.pair?.post.timepointId).toBe('end');
  });

  it('timepoint rule: the chosen timepoint; at a session timepoint the latest session', () => {
    const sessions = [3, 1, 2].map((n) => at('sess', 10 + n, { sessionNumber: n }));
    const result = outcomePair('phq-9', [at('base', 20), ...sessions], {
      kind: 'timepoint',
      timepointId: 'sess',
    });
    expect(result.pair?.post.sessionNumber).toBe(3);
    expect(result.pair?.change).toBe(-7);
    expect(
      outcomePair('phq-9', [at('base', 20), at('end', 9)], { kind: 'timepoint', timepointId: 'fu' }).gap,
    ).toBe('no_post');
  });

  it('latest rule: the last measure after baseline in protocol order (follow-up after end)', () => {
    const measures = [at('base', 20), at('sess', 15), at('end', 9), at('fu', 11)];
    expect(outcomePair('phq-9', measures, { kind: 'latest' }).pair?.post.timepointId).toBe('fu');
    expect(
      outcomePair('phq-9', [at('base', 20), at('sess', 15)], { kind: 'latest' }).pair?.post.timepointId,
    ).toBe('sess');
  });

  it('missing: no baseline, no post, or a missing score (null total) as if not measured', () => {
    expect(outcomePair('phq-9', [at('end', 8)])).toMatchObject({
      gap: 'no_pre',
      pre: null,
      post: { total: 8 },
    });
    expect(outcomePair('phq-9', [at('base', 18), at('fu', 3)])).toMatchObject({ gap: 'no_post', post: null });
    expect(outcomePair('phq-9', [at('base', null), at('end', 8)]).gap).toBe('no_pre');
    // A missing end score does not fall back to another timepoint under the end rule.
    expect(outcomePair('phq-9', [at('base', 18), at('end', null), at('fu', 4)]).gap).toBe('no_post');
    expect(outcomePair('phq-9', []).gap).toBe('no_pre');
  });

  it('versions: comparable ones pair (criteria of the post measure), others do not; a version filter keeps one', () => {
    const reworded = outcomePair(
      'phq-9',
      [at('base', 18), at('end', 8, { instrumentVersion: '1.1.0' })],
      undefined,
      {
        criteriaOf: criteria,
      },
    );
    expect(reworded.pair).toMatchObject({ change: -10, version: '1.1.0' });
    const rescored = outcomePair(
      'phq-9',
      [at('base', 18), at('end', 8, { instrumentVersion: '2.0.0' })],
      undefined,
      {
        criteriaOf: criteria,
      },
    );
    expect(rescored).toMatchObject({ pair: null, gap: 'versions_not_comparable' });
    const filtered = outcomePair(
      'phq-9',
      [at('base', 18), at('end', 8, { instrumentVersion: '2.0.0' }), at('end', 9)],
      undefined,
      { version: '1.0.0', criteriaOf: criteria },
    );
    expect(filtered.pair?.post.total).toBe(9);
    expect(versionsComparable('phq-9', '1.0.0', '1.1.0', criteria)).toBe(true);
    expect(versionsComparable('phq-9', '1.0.0', '2.0.0', criteria)).toBe(false);
    // Against the registry: a version it does not know pairs with nothing but itself.
    expect(versionsComparable('phq-9', '1.0.0', '9.9.9')).toBe(false);
    expect(versionsComparable('phq-9', '9.9.9', '9.9.9')).toBe(true);
  });
});

describe('changeThresholds', () => {
  it("maps a version's published criteria to libs/stats options, once", () => {
    expect(changeThresholds('phq-9', '1.0.0')).toEqual({
      threshold: 6,
      cutoff: 10,
      direction: 'lower-is-better',
    });
    expect(changeThresholds('phq-9', '2.0.0', { criteriaOf: criteria })).toEqual({
      threshold: 7,
      cutoff: 12,
      direction: 'lower-is-better',
    });
    // Instruments without a reliable change value (the alliance scale) have none.
    expect(changeThresholds('klik-alliance', '1.0.0')).toBeNull();
  });
});

import type { Comparison, ComparisonInstitution, CountCell, Difference } from '../comparison-types';

// A four-institution comparison: A (own) and B shown, C under the minimum (primary), D hidden to protect C
// (secondary). Numbers as the API would send them; no clock, no randomness.

const shown = (value: number): CountCell => ({ value, suppressed: null });
const hidden = (reason: 'primary' | 'secondary'): CountCell => ({ value: null, suppressed: reason });
const difference = (
  estimate: number | null,
  restInstitutions: number,
  suppressed: Difference['suppressed'] = null,
): Difference => ({
  estimate,
  ci: estimate === null ? null : [estimate - 5, estimate + 5],
  p: estimate === null ? null : 0.21,
  rest: estimate === null ? null : 50,
  restInstitutions,
  suppressed,
});
const versus = (value: number | null, rest: number, reason: Difference['suppressed'] = null) => ({
  responseRate: difference(value, rest, reason),
  percentReliablyImproved: difference(value, rest, reason),
  percentRecovered: difference(value, rest, reason),
  effectSize: difference(value === null ? null : value / 10, rest, reason),
  correlation: difference(value === null ? null : value / 100, rest, reason),
});

function institution(
  label: string,
  options: {
    own?: boolean;
    name?: string;
    reason?: 'primary' | 'secondary';
    r?: number;
    weight?: number;
    n?: number;
  },
): ComparisonInstitution {
  const reason = options.reason ?? null;
  const count = (value: number) => (reason ? hidden(reason) : shown(value));
  return {
    label,
    name: options.name ?? null,
    own: options.own ?? false,
    participants: count(options.n ?? 40),
    invitationsSent: count(400),
    invitationsCompleted: count(380),
    responseRate: count(95),
    changeN: count(options.n ?? 40),
    reliablyImproved: count(20),
    recovered: count(12),
    percentReliablyImproved: count(50),
    percentRecovered: count(30),
    effectSize: reason
      ? { estimate: null, ci: null, n: null, suppressed: reason }
      : { estimate: -1.1, ci: [-1.4, -0.8], n: options.n ?? 40, suppressed: null },
    correlation: reason
      ? { estimate: null, ci: null, n: null, weight: null, suppressed: reason }
      : {
          estimate: options.r ?? -0.3,
          ci: [(options.r ?? -0.3) - 0.25, (options.r ?? -0.3) + 0.25],
          n: options.n ?? 40,
          weight: options.weight ?? 50,
          suppressed: null,
        },
    versusRest: reason ? versus(null, 1, reason) : versus(4, 1),
  };
}

export const comparison: Comparison = {
  studyId: 's-1',
  instrument: { id: 'phq-9', version: '1.0.0', scoringVersion: '1.0.0' },
  cutoff: { value: 10, direction: 'at_or_above', meaning: 'probable depression (caseness)' },
  reliableChange: { value: 6, improvement: 'decrease', source: 'IAPT', threshold: 6 },
  minN: 10,
  institutions: [
    institution('Institution A', { own: true, name: 'Demo GGZ Utrecht', r: -0.32, weight: 60, n: 96 }),
    institution('Institution B', { r: -0.2, weight: 40, n: 52 }),
    institution('Institution C', { reason: 'primary' }),
    institution('Institution D', { reason: 'secondary' }),
  ],
  total: {
    participants: shown(170),
    invitationsSent: shown(1600),
    invitationsCompleted: shown(1500),
    responseRate: shown(93.75),
    changeN: shown(160),
    reliablyImproved: hidden('secondary'),
    recovered: shown(50),
    percentReliablyImproved: hidden('secondary'),
    percentRecovered: shown(31.25),
  },
  pooled: {
    method: 'REML',
    test: 'adhoc',
    k: 2,
    institutions: ['Institution A', 'Institution B'],
    estimate: -0.27,
    ci: [-0.5, -0.01],
    predictionInterval: [-0.62, 0.15],
    p: 0.043,
    tau2: 0.0012,
    i2: 8.4,
    q: 1.09,
    qDf: 1,
    qP: 0.296,
  },
};

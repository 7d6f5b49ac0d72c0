/**
 * k-anonymity of the participants over the declared quasi-identifiers, by global recoding (one generalisation
 * level per quasi-identifier for the whole export, as ARX does) followed by record suppression.
 *
 * Hierarchies: cohort → `any`; age band (stored 10-year bands) → 20-year bands (18-34, 35-54, 55+) → `any`;
 * gender → `any`. Every combination of levels is tried (at most 2 × 3 × 2 = 12); the chosen one generalises least
 * (sum of level ÷ top level), ties broken by fewer suppressed participants, and is acceptable when the participants
 * left in classes smaller than k are at most {@link MAX_SUPPRESSED_SHARE} of all. Those participants are then left
 * out of the export entirely (we suppress records, not values: a record with `*` values would form a class of its
 * own that can itself be smaller than k). Pure: works on class counts, so the caller gets them with one GROUP BY.
 */

export const QUASI_IDENTIFIERS = ['cohort', 'age_band', 'gender'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** A participant's quasi-identifier values; a missing attribute is `unknown`. */
export type QiValues = Record<QuasiIdentifier, string>;

export interface QiClassCount {
  values: QiValues;
  count: number;
}

/** Up to this share of the participants may be suppressed before the search generalises further. */
export const MAX_SUPPRESSED_SHARE = 0.05;
export const ANY = 'any';
export const UNKNOWN = 'unknown';

const AGE_20: Record<string, string> = {
  '18-24': '18-34',
  '25-34': '18-34',
  '35-44': '35-54',
  '45-54': '35-54',
  '55-64': '55+',
  '65+': '55+',
};

/** Level names per quasi-identifier, index = level. */
export const HIERARCHY_LEVELS: Record<QuasiIdentifier, readonly string[]> = {
  cohort: ['cohort', 'any'],
  age_band: ['10-year bands', '20-year bands (18-34, 35-54, 55+)', 'any'],
  gender: ['gender', 'any'],
};

/** The value of `value` at a generalisation level. `unknown` stays unknown until the top level. */
export function generalise(qi: QuasiIdentifier, value: string, level: number): string {
  const top = HIERARCHY_LEVELS[qi].length - 1;
  if (level >= top) return ANY;
  if (level === 0 || value === UNKNOWN) return value;
  return AGE_20[value] ?? value; // only age_band has a middle level
}

export interface Generalisation {
  quasiIdentifier: QuasiIdentifier;
  level: number;
  description: string;
  /** Each original value that was changed, and what it became. */
  changed: { from: string; to: string }[];
}

export interface KAnonymityReport {
  k: number;
  quasiIdentifiers: QuasiIdentifier[];
  /** Participants before the check (withdrawn ones are never counted). */
  participants: number;
  exportedParticipants: number;
  generalisations: Generalisation[];
  suppression: { method: 'participant_left_out'; participants: number; classes: number };
  /** Equivalence classes among the exported participants and the size of the smallest (null when none left). */
  classes: number;
  smallestClass: number | null;
}

export interface KAnonymityPlan {
  report: KAnonymityReport;
  /** The exported quasi-identifier values of a participant, or null when the participant is suppressed. */
  apply(values: QiValues): Partial<QiValues> | null;
}

const keyOf = (qis: readonly QuasiIdentifier[], values: Partial<QiValues>) =>
  JSON.stringify(qis.map((qi) => values[qi]));

/** Chooses the generalisation levels and the suppressed classes; see the file comment for the rule. */
export function planKAnonymity(
  classes: readonly QiClassCount[],
  quasiIdentifiers: readonly QuasiIdentifier[],
  k: number,
): KAnonymityPlan {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be a whole number of at least 2');
  const qis = QUASI_IDENTIFIERS.filter((qi) => quasiIdentifiers.includes(qi));
  const participants = classes.reduce((sum, c) => sum + c.count, 0);
  const allowed = Math.floor(participants * MAX_SUPPRESSED_SHARE);

  const recode = (levels: Record<QuasiIdentifier, number>, values: QiValues): Partial<QiValues> => {
    const out: Partial<QiValues> = {};
    for (const qi of qis) out[qi] = generalise(qi, values[qi], levels[qi]);
    return out;
  };
  const evaluate = (levels: Record<QuasiIdentifier, number>) => {
    const counts = new Map<string, number>();
    for (const c of classes) {
      const key = keyOf(qis, recode(levels, c.values));
      counts.set(key, (counts.get(key) ?? 0) + c.count);
    }
    let suppressed = 0;
    for (const n of counts.values()) if (n < k) suppressed += n;
    const loss = qis.reduce((sum, qi) => sum + levels[qi] / (HIERARCHY_LEVELS[qi].length - 1), 0);
    return { levels, counts, suppressed, loss };
  };

  let nodes: Record<QuasiIdentifier, number>[] = [{ cohort: 0, age_band: 0, gender: 0 }];
  for (const qi of qis) {
    nodes = nodes.flatMap((node) => HIERARCHY_LEVELS[qi].map((_, level) => ({ ...node, [qi]: level })));
  }
  const evaluated = nodes.map(evaluate);
  const byPreference = (a: (typeof evaluated)[number], b: (typeof evaluated)[number]) =>
    a.loss - b.loss || a.suppressed - b.suppressed;
  const feasible = evaluated.filter((node) => node.suppressed <= allowed).sort(byPreference);
  // With fewer than k participants in all, no node is feasible: generalise everything and suppress everyone.
  const chosen = feasible[0] ?? evaluated.sort((a, b) => b.loss - a.loss)[0];

  const generalisations: Generalisation[] = qis.map((qi) => {
    const changed = new Map<string, string>();
    for (const c of classes) {
      const to = generalise(qi, c.values[qi], chosen.levels[qi]);
      if (to !== c.values[qi]) changed.set(c.values[qi], to);
    }
    return {
      quasiIdentifier: qi,
      level: chosen.levels[qi],
      description: HIERARCHY_LEVELS[qi][chosen.levels[qi]],
      changed: [...changed].sort(([a], [b]) => a.localeCompare(b)).map(([from, to]) => ({ from, to })),
    };
  });
  const kept = [...chosen.counts.values()].filter((n) => n >= k);
  const report: KAnonymityReport = {
    k,
    quasiIdentifiers: [...qis],
    participants,
    exportedParticipants: participants - chosen.suppressed,
    generalisations,
    suppression: {
      method: 'participant_left_out',
      participants: chosen.suppressed,
      classes: chosen.counts.size - kept.length,
    },
    classes: kept.length,
    smallestClass: kept.length > 0 ? Math.min(...kept) : null,
  };
  return {
    report,
    apply(values) {
      const out = recode(chosen.levels, values);
      return (chosen.counts.get(keyOf(qis, out)) ?? 0) >= k ? out : null;
    },
  };
}

import fc from 'fast-check';
import { AGE_BANDS, GENDERS } from '../participants/dto/participant.dto';
import {
  generalise,
  planKAnonymity,
  type QiClassCount,
  type QiValues,
  type QuasiIdentifier,
} from './k-anonymity';

/** Participants as class counts, the way the export's GROUP BY hands them over. */
function countClasses(people: QiValues[]): QiClassCount[] {
  const map = new Map<string, QiClassCount>();
  for (const values of people) {
    const key = JSON.stringify(values);
    const found = map.get(key);
    if (found) found.count++;
    else map.set(key, { values, count: 1 });
  }
  return [...map.values()];
}

const person = fc.record({
  cohort: fc.constantFrom('Site A', 'Site B', 'Site C'),
  age_band: fc.constantFrom(...AGE_BANDS, 'unknown'),
  gender: fc.constantFrom(...GENDERS),
});
const qiSets: QuasiIdentifier[][] = [
  ['cohort'],
  ['cohort', 'age_band'],
  ['cohort', 'age_band', 'gender'],
  ['gender'],
];

describe('planKAnonymity', () => {
  for (const k of [2, 3, 5, 10]) {
    it(`k = ${k}: every exported combination occurs at least k times, and the report adds up`, () => {
      fc.assert(
        fc.property(
          fc.array(person, { minLength: 0, maxLength: 300 }),
          fc.constantFrom(...qiSets),
          (people, qis) => {
            const plan = planKAnonymity(countClasses(people), qis, k);
            const exported = people
              .map((p) => plan.apply(p))
              .filter((v): v is Partial<QiValues> => v !== null);
            const counts = new Map<string, number>();
            for (const values of exported) {
              expect(Object.keys(values).sort()).toEqual([...qis].sort());
              const key = JSON.stringify(values);
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
            for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(k);

            const { report } = plan;
            expect(report.participants).toBe(people.length);
            expect(report.exportedParticipants).toBe(exported.length);
            expect(report.suppression.participants).toBe(people.length - exported.length);
            expect(report.classes).toBe(counts.size);
            expect(report.smallestClass).toBe(counts.size ? Math.min(...counts.values()) : null);
            // The report names every value that changed, and exactly those.
            for (const g of report.generalisations) {
              const changed = new Map(g.changed.map((c) => [c.from, c.to]));
              for (const p of people) {
                const out = generalise(g.quasiIdentifier, p[g.quasiIdentifier], g.level);
                if (out === p[g.quasiIdentifier]) expect(changed.has(out)).toBe(false);
                else expect(changed.get(p[g.quasiIdentifier])).toBe(out);
              }
            }
            // Suppression stays within 5% unless the whole set is too small to reach k at all.
            if (people.length >= k)
              expect(report.suppression.participants).toBeLessThanOrEqual(Math.floor(people.length * 0.05));
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('changes nothing when every class is already large enough', () => {
    const people = [...Array(6)].flatMap(() => [
      { cohort: 'A', age_band: '25-34', gender: 'female' },
      { cohort: 'B', age_band: '25-34', gender: 'female' },
    ]);
    const plan = planKAnonymity(countClasses(people), ['cohort', 'age_band', 'gender'], 5);
    expect(plan.report.generalisations.map((g) => [g.quasiIdentifier, g.level, g.changed])).toEqual([
      ['cohort', 0, []],
      ['age_band', 0, []],
      ['gender', 0, []],
    ]);
    expect(plan.report.suppression.participants).toBe(0);
    expect(plan.apply(people[0])).toEqual({ cohort: 'A', age_band: '25-34', gender: 'female' });
  });

  it('merges age bands into 20-year bands before giving up on them, and reports each merge', () => {
    const people = [
      ...Array(5).fill({ cohort: 'A', age_band: '18-24', gender: 'female' }),
      ...Array(5).fill({ cohort: 'A', age_band: '25-34', gender: 'female' }),
      ...Array(3).fill({ cohort: 'A', age_band: '35-44', gender: 'female' }),
      ...Array(3).fill({ cohort: 'A', age_band: '45-54', gender: 'female' }),
    ];
    const plan = planKAnonymity(countClasses(people), ['cohort', 'age_band'], 5);
    const age = plan.report.generalisations.find((g) => g.quasiIdentifier === 'age_band');
    expect(age).toMatchObject({ level: 1 });
    expect(age?.changed).toEqual([
      { from: '18-24', to: '18-34' },
      { from: '25-34', to: '18-34' },
      { from: '35-44', to: '35-54' },
      { from: '45-54', to: '35-54' },
    ]);
    expect(plan.apply(people[15])).toEqual({ cohort: 'A', age_band: '35-54' });
  });

  it('leaves out a rare participant when that is within 5%, rather than generalising everyone', () => {
    const people = [
      ...Array(30).fill({ cohort: 'A', age_band: '25-34', gender: 'female' }),
      ...Array(30).fill({ cohort: 'B', age_band: '25-34', gender: 'male' }),
      { cohort: 'B', age_band: '25-34', gender: 'other' },
    ];
    const plan = planKAnonymity(countClasses(people), ['cohort', 'gender'], 5);
    expect(plan.report.generalisations.every((g) => g.level === 0)).toBe(true);
    expect(plan.report.suppression).toEqual({ method: 'participant_left_out', participants: 1, classes: 1 });
    expect(plan.apply(people[60])).toBeNull();
  });

  it('suppresses everyone when fewer than k participants exist', () => {
    const plan = planKAnonymity(
      countClasses([{ cohort: 'A', age_band: '25-34', gender: 'male' }]),
      ['cohort'],
      2,
    );
    expect(plan.report.exportedParticipants).toBe(0);
    expect(plan.apply({ cohort: 'A', age_band: '25-34', gender: 'male' })).toBeNull();
  });

  it('refuses k below 2', () => {
    expect(() => planKAnonymity([], ['cohort'], 1)).toThrow(RangeError);
  });
});

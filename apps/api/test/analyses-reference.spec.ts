import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { addPractitioner, createDemoStudy, writeDemoPlan } from './demo-study-fixture';
import { ANALYSES_DATASET, analysesDataset } from './reference/analyses-dataset';
import { createTestApp, login, seedInstitution, type TestApp, unique } from './test-app';

/**
 * Issue 16, exact numbers: the correlation table (Pearson, Spearman, Kendall; Holm and BH) and the within-person
 * endpoint (repeated-measures and between-person correlation), called on a generated data set, must give the
 * numbers base R computes from the same data (apps/api/test/reference/analyses.R, its output analyses.json
 * committed beside it). R reads the scores as CSV and applies the rules itself: withdrawn client left out, means over
 * sessions, change = end - baseline, pairwise deletion, suppression under KLIK_ANALYSIS_MIN_N, the adjustment family
 * of the shown pairs. The cases cover the whole study, a cohort of 10 where the disclosure pairs fall under the
 * minimum, and one practitioner's clients.
 *
 * Means and ties (see analyses.R): every method is compared with R on exactly computed means over sessions (equal
 * means are ties). For Spearman and Kendall the API compares values to 12 significant digits (`forRanking`) so that a
 * one-ulp difference between two equal means, left by the running sum, does not become an order;
 * before that fix 100 of the 136 rank-based cells of the whole study differed from R, by up to .017 in rho (.045 in
 * the cohort of 10). RANK_MEANS = 'sequential' would check the rank methods against the unrounded means instead.
 *
 * Tolerance: 1e-10 relative for every estimate, interval limit and p-value (the accuracy libs/stats holds against R
 * on its own fixtures). Both sides start from the same doubles but do not round alike: the means (exact sixtieths or
 * R's long-double mean() on one side, a double sum on the other), cor() and lm() against compensated sums, R's nmath
 * against @stdlib for the p-values, each about 1e-15 relative; and the API's client order follows random ids, so its
 * sums change order from run to run. Those differences are amplified by the conditioning of each quantity, at most
 * about 3e3 here (the p-value of r = .989 with n = 59): the worst error seen is 9e-13 relative, on that p-value
 * (printed with STATS_REPORT_ERRORS=1), so 1e-10 leaves a margin of 100. Counts, suppression flags and nulls must
 * match exactly. One exception, the p-value of a correlation of +/-1 up to rounding, is explained at expectP.
 */

const TOLERANCE = 1e-10;
/** Which of R's person means the rank-based cases are checked against (see the comment above). */
const RANK_MEANS: 'exact' | 'sequential' = 'exact';
const reference = join(__dirname, 'reference');

interface Statistic {
  suppressed: boolean;
  estimate: number | null;
  ci: [number, number] | null;
  p: number | null;
}
interface Filter {
  cohort?: number;
  practitioner?: number;
}
interface CorrelationCase {
  filter: Filter;
  method: string;
  adjust: string;
  means: 'exact' | 'sequential';
  minN: number;
  nClients: number;
  variables: { id: string; n: number }[];
  cells: (Statistic & { x: string; y: string; n: number; pAdjusted: number | null })[];
}
interface WithinCase {
  filter: Filter;
  x: string;
  y: string;
  minN: number;
  nClients: number;
  nObservations: number;
  clientsWithOneObservation: number;
  within: Statistic & { df: number | null };
  between: Statistic & { df: number | null };
}
interface Fixture {
  seed: number;
  withdrawn: string[];
  correlations: CorrelationCase[];
  withinPerson: WithinCase[];
}

const fixture = JSON.parse(readFileSync(join(reference, 'analyses.json'), 'utf8')) as Fixture;

let compared = 0;
let worstRelative = 0;
let worstAbsolute = 0;
let worstLabel = '';

/** One number against R's, by relative error; null must meet null. */
function expectNumber(actual: number | null | undefined, expected: number | null, label: string): void {
  if (expected === null) {
    expect({ label, actual: actual ?? null }).toEqual({ label, actual: null });
    return;
  }
  if (typeof actual !== 'number') throw new Error(`${label}: expected ${expected}, got ${actual}`);
  const absolute = Math.abs(actual - expected);
  const relative = expected === 0 ? absolute : absolute / Math.abs(expected);
  compared++;
  if (relative > worstRelative) worstLabel = label;
  worstRelative = Math.max(worstRelative, relative);
  worstAbsolute = Math.max(worstAbsolute, absolute);
  if (!(relative <= TOLERANCE)) {
    throw new Error(
      `${label}: expected ${expected} (R), got ${actual} (relative error ${relative.toExponential(3)} > ${TOLERANCE})`,
    );
  }
}

/**
 * A correlation of +/-1 up to rounding (identical ranks, say) has p = 0 exactly, and each side's p-value is then only
 * its rounding: R's cor() gives 1 - 2e-16 for identical ranks of 10 clients, so t = 1e8 and p = 1e-62; the API gives
 * 1 and p = 0. Such a p is checked as "below 1e-50" on both sides (within 1e-14 of +/-1 and n >= 10, t > 1e7).
 */
const PERFECT = 1e-14;
const ROUNDING_ZERO = 1e-50;

function expectP(
  actual: number | null | undefined,
  expected: number | null,
  estimate: number | null,
  label: string,
) {
  if (expected !== null && estimate !== null && 1 - Math.abs(estimate) <= PERFECT) {
    expect({ label, actual, below: typeof actual === 'number' && actual <= ROUNDING_ZERO }).toEqual({
      label,
      actual,
      below: true,
    });
    expect(expected).toBeLessThanOrEqual(ROUNDING_ZERO);
    return;
  }
  expectNumber(actual, expected, label);
}

function expectStatistic(actual: Statistic, expected: Statistic, label: string): void {
  expect({ label, suppressed: actual.suppressed }).toEqual({ label, suppressed: expected.suppressed });
  expectNumber(actual.estimate, expected.estimate, `${label} estimate`);
  expectP(actual.p, expected.p, expected.estimate, `${label} p`);
  expect({ label, ci: actual.ci === null }).toEqual({ label, ci: expected.ci === null });
  if (expected.ci && actual.ci) {
    expectNumber(actual.ci[0], expected.ci[0], `${label} ci lower`);
    expectNumber(actual.ci[1], expected.ci[1], `${label} ci upper`);
  }
}

describe('analyses against R on a generated data set', () => {
  const dataset = analysesDataset();
  const { plan } = dataset;
  let t: TestApp;
  let researcher: TestAgent;
  let studyId: string;
  let cohortIds: string[];
  let practitionerIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const a = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, a.users.researcher.email);
    const study = await createDemoStudy(researcher, {
      title: unique('analyses-reference'),
      // Answers and scores stay after a withdrawal under this policy: only the analyses' filter leaves them out.
      withdrawalPolicy: 'erase_link',
      cohorts: [{ name: 'Large A' }, { name: 'Large B' }, { name: 'Small' }],
    });
    studyId = study.studyId;
    cohortIds = study.cohortIds;
    practitionerIds = [a.users.practitioner.user.id, await addPractitioner(t.dataSource, a.institution.id)];
    const participantIds = await writeDemoPlan(
      t,
      { ...study, institutionId: a.institution.id, createdById: a.users.researcher.user.id, practitionerIds },
      plan,
    );
    const withdrawn = plan.clients.findIndex((client) => client.code === ANALYSES_DATASET.withdrawnCode);
    await researcher
      .post(`/api/studies/${studyId}/participants/${participantIds[withdrawn]}/withdraw`)
      .expect(200);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    if (process.env['STATS_REPORT_ERRORS']) {
      console.log(
        `analyses vs R: ${compared} numbers, worst relative error ${worstRelative.toExponential(2)} ` +
          `(${worstLabel}), worst absolute ${worstAbsolute.toExponential(2)}`,
      );
    }
  });

  const query = (filter: Filter) => [
    ...(filter.cohort === undefined ? [] : [`cohortId=${cohortIds[filter.cohort]}`]),
    ...(filter.practitioner === undefined ? [] : [`practitionerId=${practitionerIds[filter.practitioner]}`]),
  ];

  it('uses the committed data set: the CSV files R read are what the generator and survey-model give now', () => {
    // A change to the generator or to scoring fails here first: regenerate with write-analyses-dataset.mjs and
    // analyses.R (see analyses-dataset.ts).
    expect(readFileSync(join(reference, ANALYSES_DATASET.clientsFile), 'utf8')).toBe(dataset.clientsCsv);
    expect(readFileSync(join(reference, ANALYSES_DATASET.sessionsFile), 'utf8')).toBe(dataset.sessionsCsv);
    expect(fixture.seed).toBe(ANALYSES_DATASET.options.seed);
    expect(fixture.withdrawn).toEqual([ANALYSES_DATASET.withdrawnCode]);
    // The cases exercise what they are there for: a partly suppressed table, a suppressed within-person pair,
    // clients with a single observation in the repeated-measures ANCOVA.
    const small = fixture.correlations.filter((entry) => entry.filter.cohort === 2);
    expect(small.length).toBeGreaterThan(0);
    for (const entry of small) {
      expect(entry.cells.some((cell) => cell.suppressed)).toBe(true);
      expect(entry.cells.some((cell) => !cell.suppressed)).toBe(true);
    }
    expect(fixture.withinPerson.some((entry) => entry.within.suppressed)).toBe(true);
    expect(fixture.withinPerson.some((entry) => entry.clientsWithOneObservation > 0)).toBe(true);
  });

  const correlationCases = fixture.correlations.filter(
    (entry) => entry.means === (entry.method === 'pearson' ? 'exact' : RANK_MEANS),
  );

  it.each(
    correlationCases.map(
      (entry) => [`${entry.method} ${entry.adjust} ${JSON.stringify(entry.filter)}`, entry] as const,
    ),
  )('correlations %s: every cell as R computes it', async (label, expected) => {
    const response = await researcher
      .get(
        `/api/studies/${studyId}/analyses/correlations?` +
          [`method=${expected.method}`, `adjust=${expected.adjust}`, ...query(expected.filter)].join('&'),
      )
      .expect(200);
    const body = response.body as Omit<CorrelationCase, 'filter'>;
    expect(body.method).toBe(expected.method);
    expect(body.adjust).toBe(expected.adjust);
    expect(body.minN).toBe(expected.minN);
    expect(body.nClients).toBe(expected.nClients);
    expect(body.variables.map(({ id, n }) => ({ id, n }))).toEqual(expected.variables);
    expect(body.cells.map(({ x, y, n }) => ({ x, y, n }))).toEqual(
      expected.cells.map(({ x, y, n }) => ({ x, y, n })),
    );
    body.cells.forEach((cell, index) => {
      const want = expected.cells[index];
      const name = `${label} ${want.x} ~ ${want.y}`;
      expectStatistic(cell, want, name);
      expectP(cell.pAdjusted, want.pAdjusted, want.estimate, `${name} pAdjusted`);
    });
  });

  it.each(
    fixture.withinPerson.map(
      (entry) => [`${entry.x} ~ ${entry.y} ${JSON.stringify(entry.filter)}`, entry] as const,
    ),
  )(
    'within-person %s: repeated-measures and between-person correlation as R computes them',
    async (label, expected) => {
      const response = await researcher
        .get(
          `/api/studies/${studyId}/analyses/within-person?` +
            [`x=${expected.x}`, `y=${expected.y}`, ...query(expected.filter)].join('&'),
        )
        .expect(200);
      const body = response.body as Omit<WithinCase, 'filter' | 'clientsWithOneObservation' | 'x' | 'y'>;
      expect(body.minN).toBe(expected.minN);
      expect(body.nClients).toBe(expected.nClients);
      expect(body.nObservations).toBe(expected.nObservations);
      for (const part of ['within', 'between'] as const) {
        expectStatistic(body[part], expected[part], `${label} ${part}`);
        expect({ part, df: body[part].df }).toEqual({ part, df: expected[part].df });
      }
    },
  );
});

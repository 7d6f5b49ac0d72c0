import {
  compareCorrelations,
  metaAnalysisCorrelations,
  pearson,
  proportionDifference,
  standardisedMeanChange,
  summarisePairs,
} from '@klik/stats';
import type TestAgent from 'supertest/lib/agent';
import { generateDemoData } from '../src/demo/demo-data';
import { createDemoStudy, writeDemoPlan } from './demo-study-fixture';
import {
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 6, institutions comparing cohorts: a study owned by A with cohorts run by A, B, C and a small D (n < 10),
 * generated scores (seeded demo generator, stored through the real scoring engine), and the comparison seen by
 * each of them. Expected values are computed here from the database rows with libs/stats, never copied.
 */

const SIZES = { A: 50, B: 30, C: 45, D: 6 } as const;
type Name = keyof typeof SIZES;
const NAMES = Object.keys(SIZES) as Name[];

interface Cell {
  value: number | null;
  suppressed: 'primary' | 'secondary' | null;
}
interface Difference {
  estimate: number | null;
  ci: [number, number] | null;
  p: number | null;
  rest: number | null;
  restInstitutions: number;
  suppressed: string | null;
}
interface Row {
  label: string;
  name: string | null;
  own: boolean;
  participants: Cell;
  invitationsSent: Cell;
  invitationsCompleted: Cell;
  responseRate: Cell;
  changeN: Cell;
  reliablyImproved: Cell;
  recovered: Cell;
  percentReliablyImproved: Cell;
  percentRecovered: Cell;
  effectSize: {
    estimate: number | null;
    ci: [number, number] | null;
    n: number | null;
    suppressed: string | null;
  };
  correlation: {
    estimate: number | null;
    ci: [number, number] | null;
    n: number | null;
    weight: number | null;
    suppressed: string | null;
  };
  versusRest: Record<
    'responseRate' | 'percentReliablyImproved' | 'percentRecovered' | 'effectSize' | 'correlation',
    Difference
  >;
}
interface Comparison {
  minN: number;
  instrument: { id: string };
  institutions: Row[];
  total: Record<string, Cell>;
  pooled: {
    k: number;
    institutions: string[];
    estimate: number;
    ci: [number, number];
    predictionInterval: [number, number];
    tau2: number;
    i2: number;
    q: number;
    test: string;
  } | null;
}

/** What the database holds for one institution, computed here from its rows. */
interface Truth {
  participants: number;
  invitationsSent: number;
  invitationsCompleted: number;
  pairs: { baseline: number; end: number; alliance: number | null }[];
}

const COUNT_FIELDS = [
  'participants',
  'invitationsSent',
  'invitationsCompleted',
  'changeN',
  'reliablyImproved',
  'recovered',
] as const;

/** Every number in a JSON value, with its path. */
function numbersIn(value: unknown, path = '$'): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

describe('comparison of institutions', () => {
  let t: TestApp;
  const seeded = {} as Record<Name | 'E', SeededInstitution>;
  const researchers = {} as Record<Name | 'E', TestAgent>;
  let practitionerA: TestAgent;
  let studyId: string;
  const participantIds = {} as Record<Name, string[]>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const name of [...NAMES, 'E'] as const) {
      seeded[name] = await seedInstitution(t.dataSource, unique(`cmp-${name}`));
      researchers[name] = t.agent();
      await login(researchers[name], seeded[name].users.researcher.email);
    }
    practitionerA = t.agent();
    await login(practitionerA, seeded.A.users.practitioner.email);
    const owner = researchers.A;
    const study = await createDemoStudy(owner, {
      title: unique('comparison'),
      withdrawalPolicy: 'erase_link',
      cohorts: NAMES.map((name) => ({ name: `Site ${name}`, institutionId: seeded[name].institution.id })),
    });
    studyId = study.studyId;
    for (const [index, name] of NAMES.entries()) {
      const plan = generateDemoData({
        seed: 9_100 + index,
        clientsPerCohort: [SIZES[name]],
        practitioners: 1,
        codePrefix: `${name}-`,
        sessions: [3, 4],
      });
      participantIds[name] = await writeDemoPlan(
        t,
        {
          institutionId: seeded[name].institution.id,
          studyId,
          createdById: seeded[name].users.researcher.user.id,
          cohortIds: [study.cohortIds[index]],
          practitionerIds: [seeded[name].users.practitioner.user.id],
          timepointIds: study.timepointIds,
        },
        plan,
      );
    }
    // Not every link is answered: the fourth session's links expired, and one link per institution was revoked.
    await t.dataSource.query(
      `UPDATE invitations SET status = 'expired', completed_at = NULL WHERE study_id = $1 AND session_number = 4`,
      [studyId],
    );
    await t.dataSource.query(
      `UPDATE invitations SET status = 'revoked', revoked_at = now()
        WHERE id IN (SELECT DISTINCT ON (institution_id) id FROM invitations
                      WHERE study_id = $1 AND session_number = 3 ORDER BY institution_id, id)`,
      [studyId],
    );
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  /** The database truth of every institution (owner connection, as a reference outside the API). */
  async function truth(): Promise<Record<Name, Truth>> {
    const result = {} as Record<Name, Truth>;
    for (const name of NAMES) {
      const institutionId = seeded[name].institution.id;
      const [counts] = await t.dataSource.query(
        `SELECT COUNT(DISTINCT p.id)::int AS participants,
                COUNT(v.id) FILTER (WHERE v.status <> 'revoked')::int AS sent,
                COUNT(v.id) FILTER (WHERE v.status = 'completed')::int AS completed
           FROM participants p LEFT JOIN invitations v ON v.participant_id = p.id
          WHERE p.study_id = $1 AND p.institution_id = $2 AND p.status = 'active'`,
        [studyId, institutionId],
      );
      const pairs = await t.dataSource.query(
        `SELECT b.total AS baseline, e.total AS "end",
                (SELECT AVG(a.total) FROM scores a WHERE a.participant_id = p.id AND a.instrument_id = 'klik-alliance'
                    AND a.session_number IS NOT NULL) AS alliance
           FROM participants p
           JOIN scores b ON b.participant_id = p.id AND b.instrument_id = 'phq-9'
           JOIN timepoints tb ON tb.id = b.timepoint_id AND tb.kind = 'baseline'
           JOIN scores e ON e.participant_id = p.id AND e.instrument_id = 'phq-9'
           JOIN timepoints te ON te.id = e.timepoint_id AND te.kind = 'end'
          WHERE p.study_id = $1 AND p.institution_id = $2 AND p.status = 'active'`,
        [studyId, institutionId],
      );
      result[name] = {
        participants: counts.participants,
        invitationsSent: counts.sent,
        invitationsCompleted: counts.completed,
        pairs: pairs.map((row: { baseline: number; end: number; alliance: string | number | null }) => ({
          baseline: Number(row.baseline),
          end: Number(row.end),
          alliance: row.alliance === null ? null : Number(row.alliance),
        })),
      };
    }
    return result;
  }

  const correlationOf = (own: Truth) =>
    pearson(
      own.pairs.map((pair) => pair.alliance),
      own.pairs.map((pair) => pair.end - pair.baseline),
    );

  const get = async (agent: TestAgent, query = '') =>
    (await agent.get(`/api/studies/${studyId}/comparison${query}`).expect(200)).body as Comparison;

  it('shows A its own row in full and the others as unnamed aggregates, and D (n < 10) not at all', async () => {
    const body = await get(researchers.A);
    const real = await truth();
    expect(body.minN).toBe(10);
    expect(body.instrument.id).toBe('phq-9');
    expect(body.institutions.map((row) => row.label)).toEqual([
      'Institution A',
      'Institution B',
      'Institution C',
      'Institution D',
    ]);
    const [a, b, c, d] = body.institutions;
    expect(a).toMatchObject({ own: true, name: seeded.A.institution.name });
    expect([b, c, d].map((row) => [row.own, row.name])).toEqual([
      [false, null],
      [false, null],
      [false, null],
    ]);
    // A's own counts are the database's.
    expect(a.participants.value).toBe(real.A.participants);
    expect(a.invitationsSent.value).toBe(real.A.invitationsSent);
    expect(a.invitationsCompleted.value).toBe(real.A.invitationsCompleted);
    expect(a.changeN.value).toBe(real.A.pairs.length);
    expect(a.responseRate.value).toBeCloseTo(
      (100 * real.A.invitationsCompleted) / real.A.invitationsSent,
      10,
    );
    expect(real.A.invitationsCompleted).toBeLessThan(real.A.invitationsSent);

    // Reliable improvement and recovery agree with A's own change analysis.
    const change = (
      await researchers.A.get(`/api/studies/${studyId}/analyses/change?instrument=phq-9`).expect(200)
    ).body.all as { n: number; counts: Record<string, number> };
    expect(change.n).toBe(a.changeN.value);
    expect(a.recovered.value).toBe(change.counts.recovered);
    expect(a.reliablyImproved.value).toBe(change.counts.recovered + change.counts.improved);

    // The effect size is the standardised mean change of A's pairs.
    const effect = standardisedMeanChange(
      summarisePairs(
        real.A.pairs.map((pair) => pair.baseline),
        real.A.pairs.map((pair) => pair.end),
      ),
    );
    expect(a.effectSize.estimate).toBeCloseTo(effect.estimate, 10);
    expect(a.effectSize.ci?.[1]).toBeLessThan(0); // the generator plants improvement
    const correlation = correlationOf(real.A);
    expect(a.correlation.estimate).toBeCloseTo(correlation.r, 10);
    expect(a.correlation.n).toBe(correlation.n);

    // C is large: its aggregates are shown. B is the smallest cell that protects D from subtraction.
    expect(c.participants).toEqual({ value: real.C.participants, suppressed: null });
    expect(c.correlation.estimate).toBeCloseTo(correlationOf(real.C).r, 10);
    expect(b.participants).toEqual({ value: null, suppressed: 'secondary' });
    expect(b.correlation).toMatchObject({ estimate: null, suppressed: 'secondary' });
    expect(d.participants).toEqual({ value: null, suppressed: 'primary' });

    // Nothing in the response names another institution.
    const json = JSON.stringify(body);
    for (const name of ['B', 'C', 'D', 'E'] as const) {
      expect(json).not.toContain(seeded[name].institution.id);
      expect(json).not.toContain(seeded[name].institution.name);
    }
  });

  it("suppresses every value of D with a reason, and no number in the response is one of D's counts", async () => {
    const body = await get(researchers.A);
    const real = await truth();
    const d = body.institutions[3];
    for (const field of COUNT_FIELDS) {
      expect(d[field].value).toBeNull();
      expect(['primary', 'secondary']).toContain(d[field].suppressed);
    }
    expect(d.participants.suppressed).toBe('primary');
    expect(d.changeN.suppressed).toBe('primary');
    for (const field of ['responseRate', 'percentReliablyImproved', 'percentRecovered'] as const) {
      expect(d[field]).toEqual({ value: null, suppressed: expect.stringMatching(/^(primary|secondary)$/) });
    }
    expect(d.effectSize).toEqual({ estimate: null, ci: null, n: null, suppressed: 'primary' });
    expect(d.correlation).toMatchObject({
      estimate: null,
      ci: null,
      n: null,
      weight: null,
      suppressed: 'primary',
    });
    for (const difference of Object.values(d.versusRest)) {
      expect(difference).toMatchObject({
        estimate: null,
        ci: null,
        p: null,
        rest: null,
        restInstitutions: 0,
      });
    }
    // D's row carries no number at all except the count of rest institutions (0).
    expect(numbersIn(d).map((entry) => entry.path)).toEqual(
      Object.keys(d.versusRest).map((key) => `$.versusRest.${key}.restInstitutions`),
    );

    // Secondary suppression: wherever a total is shown and one of D's cells is hidden, at least one other
    // institution's cell is hidden too, and the hidden cells together hold at least minN.
    for (const field of COUNT_FIELDS) {
      if (body.total[field].value === null) continue;
      const hidden = body.institutions.filter((row) => row[field].value === null);
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      const shownSum = body.institutions.reduce((sum, row) => sum + (row[field].value ?? 0), 0);
      expect((body.total[field].value as number) - shownSum).toBeGreaterThanOrEqual(body.minN);
    }
    expect(body.total.participants.value).toBe(NAMES.reduce((sum, name) => sum + real[name].participants, 0));

    // No number anywhere equals one of D's true counts, unless it is also a value legitimately shown. D's own view
    // gives its improvement and recovery counts (its row is known to D); the others come from the database.
    const dOwn = (await get(researchers.D)).institutions[3];
    expect(dOwn.participants.value).toBe(real.D.participants);
    expect(dOwn.changeN.value).toBe(real.D.pairs.length);
    const dCounts = [
      real.D.participants,
      real.D.invitationsSent,
      real.D.invitationsCompleted,
      real.D.pairs.length,
      real.D.pairs.filter((pair) => pair.alliance !== null).length,
      dOwn.reliablyImproved.value as number,
      dOwn.recovered.value as number,
    ];
    const legitimate = new Set<number>([body.minN]);
    for (const row of [...body.institutions.slice(0, 3)]) {
      for (const field of COUNT_FIELDS)
        if (row[field].value !== null) legitimate.add(row[field].value as number);
      if (row.correlation.n !== null) legitimate.add(row.correlation.n);
    }
    for (const cell of Object.values(body.total)) if (cell.value !== null) legitimate.add(cell.value);
    // Structural counts and the instrument's published criteria (cut-off, reliable change) are no data.
    for (const entry of numbersIn(body)) {
      if (/restInstitutions$|^\$\.(cutoff|reliableChange)\./.test(entry.path)) legitimate.add(entry.value);
    }
    if (body.pooled) [body.pooled.k].forEach((value) => legitimate.add(value));
    const all = numbersIn(body);
    for (const count of dCounts.filter((value) => !legitimate.has(value))) {
      expect(all.filter((entry) => entry.value === count)).toEqual([]);
    }
  });

  it("pools the shown institutions' correlations as libs/stats' random-effects meta-analysis (REML, Hartung-Knapp truncated at 1)", async () => {
    const body = await get(researchers.A);
    const real = await truth();
    const shown = NAMES.filter((_, index) => body.institutions[index].correlation.estimate !== null);
    expect(shown).toEqual(['A', 'C']);
    const expected = metaAnalysisCorrelations(
      shown.map((name) => ({ r: correlationOf(real[name]).r, n: correlationOf(real[name]).n })),
      { method: 'REML', test: 'adhoc' },
    );
    const pooled = body.pooled;
    expect(pooled).not.toBeNull();
    expect(pooled?.k).toBe(2);
    expect(pooled?.institutions).toEqual(['Institution A', 'Institution C']);
    expect(pooled?.test).toBe('adhoc');
    expect(pooled?.estimate).toBeCloseTo(expected.estimate, 10);
    expect(pooled?.ci[0]).toBeCloseTo(expected.ci[0], 10);
    expect(pooled?.ci[1]).toBeCloseTo(expected.ci[1], 10);
    expect(pooled?.predictionInterval[1]).toBeCloseTo(expected.predictionInterval[1], 10);
    expect(pooled?.tau2).toBeCloseTo(expected.tau2, 12);
    expect(pooled?.i2).toBeCloseTo(expected.i2, 8);
    expect(pooled?.q).toBeCloseTo(expected.q, 10);
    expect(body.institutions[0].correlation.weight).toBeCloseTo(expected.weights[0], 10);
    expect(body.institutions[2].correlation.weight).toBeCloseTo(expected.weights[1], 10);
  });

  it('compares each shown institution with the rest of the shown ones, with the stated methods', async () => {
    const body = await get(researchers.A);
    const real = await truth();
    const [a, , c] = body.institutions;
    // Correlation: Fisher z difference against the rest's pooled r (here C alone), via compareCorrelations.
    const rA = correlationOf(real.A);
    const rC = correlationOf(real.C);
    const expected = compareCorrelations({ r: rA.r, n: rA.n }, { r: rC.r, n: rC.n });
    expect(a.versusRest.correlation.estimate).toBeCloseTo(expected.difference, 10);
    expect(a.versusRest.correlation.ci?.[0]).toBeCloseTo(expected.ci[0], 10);
    expect(a.versusRest.correlation.p).toBeCloseTo(expected.p, 10);
    expect(a.versusRest.correlation.rest).toBeCloseTo(rC.r, 10);
    expect(a.versusRest.correlation.restInstitutions).toBe(1);
    // Response rate: Newcombe's interval against the other institutions whose rate is shown.
    const restRows = body.institutions.filter((row, index) => index !== 0 && row.responseRate.value !== null);
    const restCompleted = restRows.reduce((sum, row) => sum + (row.invitationsCompleted.value as number), 0);
    const restSent = restRows.reduce((sum, row) => sum + (row.invitationsSent.value as number), 0);
    const rate = proportionDifference(
      { count: real.A.invitationsCompleted, n: real.A.invitationsSent },
      { count: restCompleted, n: restSent },
    );
    expect(a.versusRest.responseRate.estimate).toBeCloseTo(100 * rate.difference, 10);
    expect(a.versusRest.responseRate.ci?.[1]).toBeCloseTo(100 * rate.ci[1], 10);
    expect(a.versusRest.responseRate.restInstitutions).toBe(restRows.length);
    // Effect size: Wald difference of the standardised mean changes; C's rest includes A.
    expect(c.versusRest.effectSize.estimate).not.toBeNull();
    expect(c.versusRest.effectSize.ci?.[0]).toBeLessThan(c.versusRest.effectSize.ci?.[1] as number);
    const effectC = standardisedMeanChange(
      summarisePairs(
        real.C.pairs.map((pair) => pair.baseline),
        real.C.pairs.map((pair) => pair.end),
      ),
    );
    expect(
      (c.versusRest.effectSize.estimate as number) + (c.versusRest.effectSize.rest as number),
    ).toBeCloseTo(effectC.estimate, 10);
  });

  it("shows B's researcher B's own row, and hides A's name from B", async () => {
    const body = await get(researchers.B);
    const real = await truth();
    const b = body.institutions[1];
    expect(b).toMatchObject({ own: true, name: seeded.B.institution.name });
    expect(b.participants.value).toBe(real.B.participants);
    expect(b.changeN.value).toBe(real.B.pairs.length);
    expect(b.correlation.estimate).toBeCloseTo(correlationOf(real.B).r, 10);
    expect(body.institutions[0]).toMatchObject({ own: false, name: null });
    expect(JSON.stringify(body)).not.toContain(seeded.A.institution.name);
    // For B, its own cells are known, so another institution protects D.
    expect(body.institutions[3].participants.suppressed).toBe('primary');
    const hidden = body.institutions.filter((row) => row.participants.value === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
  });

  it("shows D's researcher D's own counts but no statistic on fewer than minN participants", async () => {
    const body = await get(researchers.D);
    const d = body.institutions[3];
    expect(d.own).toBe(true);
    expect(d.participants.value).toBe(SIZES.D);
    expect(d.effectSize.suppressed).toBe('primary');
    expect(d.percentRecovered).toEqual({ value: null, suppressed: 'primary' });
  });

  it("treats a practitioner's own institution like any other (they see only their own clients elsewhere)", async () => {
    const practitionerD = t.agent();
    await login(practitionerD, seeded.D.users.practitioner.email);
    const body = await get(practitionerD);
    const d = body.institutions[3];
    // D's researcher sees D's six participants (previous test); D's practitioner gets them suppressed.
    expect(d).toMatchObject({ own: true, name: seeded.D.institution.name });
    expect(d.participants).toEqual({ value: null, suppressed: 'primary' });
    const viaPractitionerA = await get(practitionerA);
    expect(viaPractitionerA.institutions[3].participants.suppressed).toBe('primary');
  });

  it('answers 404 to an institution not taking part, and 400 for an unknown instrument', async () => {
    const response = await researchers.E.get(`/api/studies/${studyId}/comparison`).expect(404);
    expect(response.body.code).toBe('not_found');
    expect(JSON.stringify(response.body)).not.toContain('Institution');
    await researchers.A.get('/api/studies/00000000-0000-4000-8000-000000000000/comparison').expect(404);
    const bad = await researchers.A.get(`/api/studies/${studyId}/comparison?instrument=wai-sr`).expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['instrument']);
    const gad = await get(researchers.A, '?instrument=gad-7');
    expect(gad.instrument.id).toBe('gad-7');
  });

  it('leaves withdrawn participants out of every count and statistic', async () => {
    const before = await get(researchers.A);
    const withdrawn = participantIds.A[0];
    await researchers.A.post(`/api/studies/${studyId}/participants/${withdrawn}/withdraw`).expect(200);
    // The erase_link policy keeps the scores: only the status excludes them.
    const [{ scores }] = await t.dataSource.query(
      `SELECT COUNT(*)::int AS scores FROM scores WHERE participant_id = $1`,
      [withdrawn],
    );
    expect(scores).toBeGreaterThan(0);
    const after = await get(researchers.A);
    const real = await truth();
    const [a] = after.institutions;
    expect(a.participants.value).toBe((before.institutions[0].participants.value as number) - 1);
    expect(a.changeN.value).toBe((before.institutions[0].changeN.value as number) - 1);
    expect(a.correlation.n).toBe(correlationOf(real.A).n);
    expect(a.invitationsSent.value).toBe(real.A.invitationsSent);
    expect(after.total.participants.value).toBe((before.total.participants.value as number) - 1);
  });
});

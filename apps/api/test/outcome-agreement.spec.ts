import { getInstrument } from '@klik/survey-model';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ScoredResponseWriter } from '../src/responses/scored-response.writer';
import { createDemoStudy, type DemoStudy } from './demo-study-fixture';
import { createTestApp, login, safetyContact, seedInstitution, type SeededInstitution, type TestApp } from './test-app';

/**
 * Issue 16: outcome change has one definition (libs/survey-model outcomePair, apps/api outcomes/participant-outcome)
 * and every consumer agrees on it. One dataset, designed by hand with the expected pre, post and category of each
 * client, goes to the change analysis, the correlation table (scatter), the institution comparison, the alerts and
 * the export. PHQ-9@1.0.0: reliable change is a drop (or rise) of at least 6, recovery also crosses below 10.
 */
interface Client {
  code: string;
  baseline?: number | null;
  end?: number | null;
  followUp?: number | null;
  /**
   * The end measure answered on another version of the instrument (a second version in the study): PHQ-9 1.1.0
   * scores under another scoring version (no missing item is ever prorated), so its totals are not compared with
   * 1.0.0's; a version this build does not know is comparable with nothing either.
   */
  endVersion?: string;
  /** Under the end rule; null: no pair (and why). */
  expected: { pre: number; post: number; category: string } | { gap: string };
}

const CLIENTS: Client[] = [
  { code: 'OA-01', baseline: 20, end: 8, followUp: 6, expected: { pre: 20, post: 8, category: 'recovered' } },
  { code: 'OA-02', baseline: 18, end: 12, expected: { pre: 18, post: 12, category: 'improved' } },
  { code: 'OA-03', baseline: 9, end: 2, expected: { pre: 9, post: 2, category: 'improved' } },
  {
    code: 'OA-04',
    baseline: 10,
    end: 17,
    followUp: 19,
    expected: { pre: 10, post: 17, category: 'deteriorated' },
  },
  // Unchanged at the end, reliably worse at the follow-up: only the `latest` rule (alerts) sees that.
  {
    code: 'OA-05',
    baseline: 14,
    end: 12,
    followUp: 21,
    expected: { pre: 14, post: 12, category: 'unchanged' },
  },
  { code: 'OA-06', baseline: 16, followUp: 9, expected: { gap: 'no_post' } },
  { code: 'OA-07', end: 7, expected: { gap: 'no_pre' } },
  // A missing end score (items left blank) counts as not measured; no fallback to the follow-up.
  { code: 'OA-08', baseline: 15, end: null, followUp: 15, expected: { gap: 'no_post' } },
  { code: 'OA-09', baseline: 12, end: 12, expected: { pre: 12, post: 12, category: 'unchanged' } },
  { code: 'OA-10', baseline: 22, end: 5, expected: { pre: 22, post: 5, category: 'recovered' } },
  { code: 'OA-11', baseline: 11, end: 18, expected: { pre: 11, post: 18, category: 'deteriorated' } },
  { code: 'OA-12', baseline: 13, end: 7, expected: { pre: 13, post: 7, category: 'recovered' } },
  // Two instrument versions in one study: an end scored under a version that cannot be compared with 1.0.0.
  { code: 'OA-13', baseline: 19, end: 4, endVersion: '1.1.0', expected: { gap: 'versions_not_comparable' } },
  { code: 'OA-14', baseline: 17, end: 5, endVersion: '9.0.0', expected: { gap: 'versions_not_comparable' } },
];
const PAIRED = CLIENTS.flatMap((client) =>
  'pre' in client.expected ? [{ ...client, ...client.expected }] : [],
);

const ITEMS = getInstrument('phq-9', '1.0.0').scoring.total?.items ?? [];
/** PHQ-9 answers with the given total (null: three items left blank, so the score is missing). */
function phq9(total: number | null): Record<string, number> {
  const answers: Record<string, number> = {};
  let left = total ?? 6;
  ITEMS.forEach((item, index) => {
    const value = Math.min(3, left);
    left -= value;
    if (total === null && index >= ITEMS.length - 3) return;
    answers[item] = value;
  });
  return answers;
}

const sortedBy = <T>(values: T[], key: (value: T) => string) =>
  [...values].sort((a, b) => key(a).localeCompare(key(b)));

describe('outcome change: one definition, and every consumer agrees', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let study: DemoStudy;

  const get = async (path: string): Promise<Response> =>
    researcher.get(`/api/studies/${study.studyId}${path}`).expect(200);

  beforeAll(async () => {
    t = await createTestApp({ KLIK_ANALYSIS_MIN_N: '3' });
    inst = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    study = await createDemoStudy(researcher, {
      cohorts: [{ name: 'Site' }],
      extraTimepoints: [
        {
          key: 'follow-up',
          label: { nl: 'Follow-up', en: 'Follow-up' },
          kind: 'follow_up',
          instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
        },
      ],
    });
    await researcher.patch(`/api/studies/${study.studyId}`).send({ status: 'recruiting', ...(await safetyContact(researcher)) }).expect(200);
    const writer = t.app.get(ScoredResponseWriter);
    const instrument = getInstrument('phq-9', '1.0.0');
    for (const client of CLIENTS) {
      const participant = await researcher
        .post(`/api/studies/${study.studyId}/participants`)
        .send({
          cohortId: study.cohortIds[0],
          code: client.code,
          practitionerId: inst.users.practitioner.user.id,
        })
        .expect(201);
      await t.dataSource.transaction(async (m) => {
        const measures: [string, number | null | undefined][] = [
          ['baseline', client.baseline],
          ['end', client.end],
          ['follow-up', client.followUp],
        ];
        for (const [key, total] of measures) {
          if (total === undefined) continue;
          const { score } = await writer.write(
            m,
            {
              institutionId: inst.institution.id,
              studyId: study.studyId,
              participantId: participant.body.id,
              timepointId: study.timepointIds[key],
              sessionNumber: null,
              respondent: 'client',
              invitationId: null,
              respondentUserId: null,
            },
            key === 'end' && client.endVersion === '1.1.0' ? getInstrument('phq-9', '1.1.0') : instrument,
            'en',
            phq9(total),
          );
          if (key === 'end' && client.endVersion && client.endVersion !== '1.1.0') {
            await m.query(`UPDATE scores SET instrument_version = $2 WHERE id = $1`, [
              score.id,
              client.endVersion,
            ]);
            await m.query(`UPDATE responses SET instrument_version = $2 WHERE id = $1`, [
              score.responseId,
              client.endVersion,
            ]);
          }
        }
      });
    }
  });
  afterAll(() => t.close());

  it('the change analysis: the pairs, their categories and why the others are left out', async () => {
    const change = (await get('/analyses/change?instrument=phq-9')).body;
    expect(change.points).toEqual(
      [...PAIRED]
        .sort((a, b) => a.pre - b.pre || a.post - b.post)
        .map(({ pre, post, category }) => ({ pre, post, category })),
    );
    expect(change.all.n).toBe(PAIRED.length);
    for (const category of ['recovered', 'improved', 'unchanged', 'deteriorated']) {
      expect(change.all.counts[category]).toBe(PAIRED.filter((c) => c.category === category).length);
    }
    expect(change.excluded).toEqual({ no_pre: 1, no_post: 2, versions_not_comparable: 2 });
    expect(change.instrument.version).toBe('1.0.0');
  });

  it('the correlation table: baseline, end and change of the same pairs (scatter of baseline against change)', async () => {
    const scatter = (await get('/analyses/scatter?x=phq9.baseline&y=phq9.change')).body;
    expect(scatter.points).toEqual(
      PAIRED.map((c) => ({ x: c.pre, y: c.post - c.pre })).sort((a, b) => a.x - b.x || a.y - b.y),
    );
    const correlations = (await get('/analyses/correlations?method=pearson')).body;
    const cell = (x: string, y: string) =>
      (correlations.cells as { x: string; y: string; n: number }[]).find(
        (candidate) => (candidate.x === x && candidate.y === y) || (candidate.x === y && candidate.y === x),
      );
    expect(cell('phq9.baseline', 'phq9.change')?.n).toBe(PAIRED.length);
  });

  it('the institution comparison: n, reliably improved and recovered of the same pairs', async () => {
    const comparison = (await get('/comparison?instrument=phq-9')).body;
    const own = (comparison.institutions as Record<string, { value: number | null }>[]).find(
      (row) => (row as unknown as { own: boolean }).own,
    );
    expect(own?.changeN.value).toBe(PAIRED.length);
    expect(own?.recovered.value).toBe(PAIRED.filter((c) => c.category === 'recovered').length);
    expect(own?.reliablyImproved.value).toBe(
      PAIRED.filter((c) => c.category === 'recovered' || c.category === 'improved').length,
    );
  });

  it('the alerts: at the end timepoint the same deteriorations; by default the latest measure (documented)', async () => {
    type Alert = {
      participantCode: string;
      from: { value: number };
      to: { value: number; timepointKey: string };
    };
    const atEnd = (
      await get(`/analyses/alerts?rules=reliable_deterioration&timepointId=${study.timepointIds.end}`)
    ).body.alerts as Alert[];
    expect(
      sortedBy(atEnd, (a) => a.participantCode).map((a) => [a.participantCode, a.from.value, a.to.value]),
    ).toEqual(PAIRED.filter((c) => c.category === 'deteriorated').map((c) => [c.code, c.pre, c.post]));
    // The latest rule: OA-04 and OA-05 are followed up (19, 21), OA-06 improved by its follow-up; OA-13's versions
    // still cannot be compared.
    const latest = (await get('/analyses/alerts?rules=reliable_deterioration')).body.alerts as Alert[];
    expect(
      sortedBy(latest, (a) => a.participantCode).map((a) => [
        a.participantCode,
        a.to.timepointKey,
        a.to.value,
      ]),
    ).toEqual([
      ['OA-04', 'follow-up', 19],
      ['OA-05', 'follow-up', 21],
      ['OA-11', 'end', 18],
    ]);
  });

  it('the export: the wide file carries the same pre, post, change, category and version per client', async () => {
    const started = await researcher
      .post(`/api/studies/${study.studyId}/exports`)
      .send({ formats: ['wide_csv'], dates: 'none', quasiIdentifiers: [] })
      .expect(202);
    let done: { status: string; files: { name: string; url: string }[] } | null = null;
    for (let i = 0; i < 300 && done === null; i++) {
      const status = (await get(`/exports/${started.body.id}`)).body;
      if (status.status === 'complete' || status.status === 'failed') done = status;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(done?.status).toBe('complete');
    const url = done?.files.find((file) => file.name === 'klik-wide.csv')?.url as string;
    const rows = parse((await researcher.get(url).expect(200)).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(CLIENTS.length);
    const outcomes = rows.map((row) => [
      row.phq9_outcome_pre,
      row.phq9_outcome_post,
      row.phq9_outcome_change,
      row.phq9_outcome_category,
      row.phq9_outcome_version,
    ]);
    const expected = CLIENTS.map((client) => {
      const e = client.expected;
      if ('pre' in e) return [String(e.pre), String(e.post), String(e.post - e.pre), e.category, '1.0.0'];
      // Without a pair the pre and post measures that exist are still shown (as in the correlation table).
      const shown = (total: number | null | undefined) =>
        total === undefined || total === null ? '' : String(total);
      return [shown(client.baseline), shown(client.end), '', '', ''];
    });
    const key = (values: string[]) => values.join('|');
    expect(outcomes.map(key).sort()).toEqual(expected.map(key).sort());
  });
});

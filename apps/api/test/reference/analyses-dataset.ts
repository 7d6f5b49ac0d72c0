import { getInstrument, scoreAnswers } from '@klik/survey-model';
import {
  type DemoAnswers,
  type DemoDataOptions,
  type DemoDataPlan,
  generateDemoData,
} from '../../src/demo/demo-data';

/**
 * The data set behind `analyses.R` (issue 16: exact values from R for the correlation table and the within-person
 * endpoint). Generated with the demo generator from a fixed seed, scored with survey-model, and written as two CSV
 * files that R reads: one row per client (cohort, practitioner, the one withdrawn client, PHQ-9 and GAD-7 totals at
 * baseline and end) and one row per session (every session measure the endpoints can read). The analysis rules
 * (means over sessions, change = end - baseline, withdrawn left out, pairwise deletion, suppression) are written
 * out again in R, not taken from the API.
 *
 * Seed and sizes: the first seed from 16,000 up whose small cohort (10 clients) has a client who never perceived a
 * disclosure, so that at the default KLIK_ANALYSIS_MIN_N of 10 the small cohort's table shows the alliance and
 * outcome pairs and suppresses the disclosure pairs (the adjustment family is then a true subset); the spec checks
 * that the fixture still has that property. The choice is about structure, not about any statistic's value.
 *
 * Regenerate the CSV files with `node apps/api/test/reference/write-analyses-dataset.mjs`, then R's numbers with
 * `Rscript apps/api/test/reference/analyses.R`.
 */
export const ANALYSES_DATASET = {
  options: {
    seed: 16_005,
    clientsPerCohort: [25, 25, 10],
    practitioners: 2,
    codePrefix: 'REF-',
  } satisfies DemoDataOptions,
  /** The client the spec withdraws (policy erase_link: answers stay, only the analyses' filter leaves them out). */
  withdrawnCode: 'REF-0003',
  clientsFile: 'analyses-16005-clients.csv',
  sessionsFile: 'analyses-16005-sessions.csv',
} as const;

type Score = ReturnType<typeof scoreAnswers>;
type Read = (score: Score) => number | null;

const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const total: Read = (score) => finite(score.total);
const subscale =
  (id: string): Read =>
  (score) =>
    finite(score.subscales[id]?.value);
const derived =
  (id: string): Read =>
  (score) =>
    finite(score.derived[id]);

/**
 * The session measures by the names the endpoints use (`?x=`, `?y=`, the correlation table's person means), read
 * from survey-model's score of the instrument each comes from (what the endpoints' labels say each one is).
 */
export const SESSION_COLUMNS: [name: string, instrumentId: string, read: Read][] = [
  ['alliance', 'klik-alliance', total],
  ['alliance.bond', 'klik-alliance', subscale('bond')],
  ['alliance.goals', 'klik-alliance', subscale('goals')],
  ['alliance.tasks', 'klik-alliance', subscale('tasks')],
  ['alliance.equality', 'klik-alliance', subscale('equality')],
  ['alliance.humanity', 'klik-alliance', subscale('humanity')],
  ['checkin', 'klik-checkin', subscale('wellbeing')],
  ['checkin.session_alliance', 'klik-checkin', subscale('session_alliance')],
  ['checkin.hope', 'klik-checkin', subscale('hope')],
  ['disclosure.frequency', 'klik-disclosure', derived('frequency')],
  ['disclosure.fit', 'klik-disclosure', subscale('fit')],
  ['disclosure.boundary', 'klik-disclosure', subscale('boundary')],
  ['disclosure.helpfulness', 'klik-disclosure', subscale('helpfulness')],
  ['disclosure.effects', 'klik-disclosure', subscale('effects')],
  ['practitioner.alliance', 'klik-session-log', subscale('alliance')],
];

const score = (instrumentId: string, answers: DemoAnswers): Score =>
  scoreAnswers(getInstrument(instrumentId, '1.0.0'), answers as Parameters<typeof scoreAnswers>[1]);

/** A CSV cell: NA for missing (R's default), else the shortest decimal that reads back as the same double. */
const cell = (value: number | string | null): string => (value === null ? 'NA' : String(value));
const csv = (header: string[], rows: (number | string | null)[][]): string =>
  [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';

export interface AnalysesDataset {
  plan: DemoDataPlan;
  clientsCsv: string;
  sessionsCsv: string;
}

/** The plan and both CSV files (deterministic: the same text on every machine). */
export function analysesDataset(): AnalysesDataset {
  const plan = generateDemoData(ANALYSES_DATASET.options);
  const clients = plan.clients.map((client) => [
    client.code,
    client.cohortIndex,
    client.practitionerIndex,
    client.code === ANALYSES_DATASET.withdrawnCode ? 1 : 0,
    total(score('phq-9', client.baseline['phq-9'])),
    total(score('phq-9', client.end['phq-9'])),
    total(score('gad-7', client.baseline['gad-7'])),
    total(score('gad-7', client.end['gad-7'])),
  ]);
  const sessions = plan.clients.flatMap((client) =>
    client.sessions.map((session) => {
      const scores = new Map<string, Score>();
      const scored = (instrumentId: string) => {
        let found = scores.get(instrumentId);
        if (!found) {
          found = score(instrumentId, session[instrumentId as keyof typeof session] as DemoAnswers);
          scores.set(instrumentId, found);
        }
        return found;
      };
      return [
        client.code,
        session.number,
        ...SESSION_COLUMNS.map(([, instrumentId, read]) => read(scored(instrumentId))),
      ];
    }),
  );
  return {
    plan,
    clientsCsv: csv(
      [
        'code',
        'cohort',
        'practitioner',
        'withdrawn',
        'phq9.baseline',
        'phq9.end',
        'gad7.baseline',
        'gad7.end',
      ],
      clients,
    ),
    sessionsCsv: csv(['code', 'session', ...SESSION_COLUMNS.map(([name]) => name)], sessions),
  };
}

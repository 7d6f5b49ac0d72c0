import { END_POST_MEASURE, outcomePair } from '@klik/survey-model';

/** One score row as the analyses read it (from `scores`, with the timepoint's position and kind). */
export interface ScoreRow {
  participantId: string;
  timepointId: string;
  /** Position of the timepoint in the protocol (baseline first). */
  timepointPosition: number;
  timepointKind: string;
  sessionNumber: number | null;
  instrumentId: string;
  instrumentVersion: string;
  total: number | null;
  /** Empty when loaded without the JSON columns. */
  subscales: Record<string, unknown>;
  /** Empty when loaded without the JSON columns. */
  derived: Record<string, unknown>;
}

/**
 * The columns only some analyses need, loaded on request: reading every column of 10^5 rows out of the embedded
 * database costs seconds (see apps/api/bench/analyses.bench.mjs).
 */
export interface ScoreRowDetails {
  cohortId: string;
  responseId: string;
  timepointKey: string;
}

type Read = (row: ScoreRow) => number | null;

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const total: Read = (row) => numberOrNull(row.total);
const subscale =
  (id: string): Read =>
  (row) =>
    numberOrNull((row.subscales[id] as { value?: unknown } | undefined)?.value);
const derived =
  (id: string): Read =>
  (row) =>
    numberOrNull(row.derived[id]);

interface SessionSource {
  instrumentId: string;
  read: Read;
  label: string;
}

/** Session-level measures: what a client (or the practitioner's log) said about one session. */
const SESSION_SOURCES = {
  alliance: { instrumentId: 'klik-alliance', read: total, label: 'Alliance (klik), mean of 15 items' },
  'alliance.bond': { instrumentId: 'klik-alliance', read: subscale('bond'), label: 'Alliance: bond' },
  'alliance.goals': { instrumentId: 'klik-alliance', read: subscale('goals'), label: 'Alliance: goals' },
  'alliance.tasks': { instrumentId: 'klik-alliance', read: subscale('tasks'), label: 'Alliance: tasks' },
  'alliance.equality': {
    instrumentId: 'klik-alliance',
    read: subscale('equality'),
    label: 'Alliance: equality',
  },
  'alliance.humanity': {
    instrumentId: 'klik-alliance',
    read: subscale('humanity'),
    label: 'Alliance: humanity',
  },
  checkin: { instrumentId: 'klik-checkin', read: subscale('wellbeing'), label: 'Check-in: well-being now' },
  'checkin.session_alliance': {
    instrumentId: 'klik-checkin',
    read: subscale('session_alliance'),
    label: 'Check-in: session alliance',
  },
  'checkin.hope': { instrumentId: 'klik-checkin', read: subscale('hope'), label: 'Check-in: hope' },
  'disclosure.frequency': {
    instrumentId: 'klik-disclosure',
    read: derived('frequency'),
    label: 'Perceived disclosure: frequency (0-3)',
  },
  'disclosure.fit': {
    instrumentId: 'klik-disclosure',
    read: subscale('fit'),
    label: 'Perceived disclosure: timing and fit',
  },
  'disclosure.boundary': {
    instrumentId: 'klik-disclosure',
    read: subscale('boundary'),
    label: 'Perceived disclosure: boundary',
  },
  'disclosure.helpfulness': {
    instrumentId: 'klik-disclosure',
    read: subscale('helpfulness'),
    label: 'Perceived disclosure: helpfulness',
  },
  'disclosure.effects': {
    instrumentId: 'klik-disclosure',
    read: subscale('effects'),
    label: 'Perceived disclosure: effects',
  },
  'practitioner.alliance': {
    instrumentId: 'klik-session-log',
    read: subscale('alliance'),
    label: 'Practitioner-rated alliance',
  },
} as const satisfies Record<string, SessionSource>;

export type SessionVariable = keyof typeof SESSION_SOURCES;
export const SESSION_VARIABLES = Object.keys(SESSION_SOURCES) as SessionVariable[];

/** The value of a session variable in a score row, or null when the row is another instrument's or missing. */
export function readSessionVariable(variable: SessionVariable, row: ScoreRow): number | null {
  const source: SessionSource = SESSION_SOURCES[variable];
  return row.instrumentId === source.instrumentId && row.sessionNumber !== null ? source.read(row) : null;
}

export const sessionVariableLabel = (variable: SessionVariable): string => SESSION_SOURCES[variable].label;

/** The instrument each session variable is read from. */
export const SESSION_INSTRUMENT = Object.fromEntries(
  SESSION_VARIABLES.map((variable) => [variable, SESSION_SOURCES[variable].instrumentId]),
) as Record<SessionVariable, string>;

/** Instruments with a pre/post total the change analysis supports (integer sum scores with a cut-off and RCI). */
export const CHANGE_INSTRUMENTS = ['phq-9', 'gad-7'] as const;
export type ChangeInstrument = (typeof CHANGE_INSTRUMENTS)[number];

/** Client-level variables of the correlation table, in order: person means over sessions, then outcomes. */
export const PERSON_MEAN_VARIABLES: SessionVariable[] = [
  'alliance',
  'alliance.bond',
  'alliance.goals',
  'alliance.tasks',
  'alliance.equality',
  'alliance.humanity',
  'disclosure.frequency',
  'disclosure.fit',
  'disclosure.boundary',
  'disclosure.helpfulness',
  'disclosure.effects',
];

export const OUTCOME_INSTRUMENTS: { instrumentId: ChangeInstrument; prefix: string; label: string }[] = [
  { instrumentId: 'phq-9', prefix: 'phq9', label: 'PHQ-9' },
  { instrumentId: 'gad-7', prefix: 'gad7', label: 'GAD-7' },
];

/** Person-level variables of the correlation table (and the scatter), in table order. */
export const PERSON_VARIABLES = [
  ...PERSON_MEAN_VARIABLES,
  ...OUTCOME_INSTRUMENTS.flatMap((outcome) =>
    ['baseline', 'end', 'change'].map((when) => `${outcome.prefix}.${when}`),
  ),
] as string[];
export type PersonVariable = string;

/** Session variables a trajectory can follow: 'disclosure' stands for the perceived-disclosure frequency. */
export const TRAJECTORY_VARIABLES = [
  'alliance',
  'disclosure',
  'checkin',
  ...SESSION_VARIABLES.slice(1),
].filter((variable, index, all) => all.indexOf(variable) === index);
export type TrajectoryVariable = SessionVariable | 'disclosure';

/** The session variable a trajectory variable reads. */
export const trajectorySessionVariable = (variable: TrajectoryVariable): SessionVariable =>
  variable === 'disclosure' ? 'disclosure.frequency' : variable;

/** The instruments the person-level variables are read from. */
export const PERSON_INSTRUMENTS = [
  'klik-alliance',
  'klik-disclosure',
  ...OUTCOME_INSTRUMENTS.map((o) => o.instrumentId),
];

export interface PersonColumns {
  /** One value (or null) per client, in the same client order for every variable. */
  columns: Record<string, (number | null)[]>;
  labels: Record<string, string>;
  nClients: number;
}

/**
 * Values as rank statistics (Spearman, Kendall) should compare them: to 12 significant digits. A client mean is a
 * running sum of fractions (alliance items are scored in 1/60ths), so two equal means can differ by a unit in the
 * last place, which a rank statistic would turn into an order instead of a tie. Twelve digits are far beyond any
 * scale's resolution and well above the sum's rounding error. Pearson takes the values as they are.
 */
export function forRanking(column: readonly (number | null)[]): (number | null)[] {
  return column.map((value) => (value === null ? null : Number(value.toPrecision(12))));
}

/**
 * The person-level variables of the correlation table: per client the mean of each session measure over their
 * sessions, and each outcome at baseline, at the end and its change (end - baseline). Rows must be grouped by
 * client already or not: they are grouped here, in first-seen order.
 */
export function personColumns(rows: readonly ScoreRow[]): PersonColumns {
  const people = new Map<string, ScoreRow[]>();
  for (const row of rows) {
    const own = people.get(row.participantId);
    if (own) own.push(row);
    else people.set(row.participantId, [row]);
  }
  const groups = [...people.values()];
  const columns: Record<string, (number | null)[]> = {};
  const labels: Record<string, string> = {};
  for (const variable of PERSON_MEAN_VARIABLES) {
    labels[variable] = `${sessionVariableLabel(variable)}: mean over sessions`;
    columns[variable] = groups.map((own) => {
      let sum = 0;
      let count = 0;
      for (const row of own) {
        const value = readSessionVariable(variable, row);
        if (value !== null) {
          sum += value;
          count++;
        }
      }
      return count === 0 ? null : sum / count;
    });
  }
  for (const outcome of OUTCOME_INSTRUMENTS) {
    // Pre, post (the end timepoint) and change as the outcome module defines them, for every consumer alike.
    const results = groups.map((own) =>
      outcomePair(
        outcome.instrumentId,
        own.filter((row) => row.instrumentId === outcome.instrumentId),
        END_POST_MEASURE,
      ),
    );
    columns[`${outcome.prefix}.baseline`] = results.map((result) => result.pre?.total ?? null);
    columns[`${outcome.prefix}.end`] = results.map((result) => result.post?.total ?? null);
    columns[`${outcome.prefix}.change`] = results.map((result) => result.pair?.change ?? null);
    labels[`${outcome.prefix}.baseline`] = `${outcome.label} at baseline`;
    labels[`${outcome.prefix}.end`] = `${outcome.label} at the end`;
    labels[`${outcome.prefix}.change`] = `${outcome.label} change (end - baseline)`;
  }
  return { columns, labels, nClients: groups.length };
}

/** The instrument a person-level variable is computed from, and whether it needs the score's JSON columns. */
export function personVariableSource(variable: string): { instrumentId: string; json: boolean } {
  const outcome = OUTCOME_INSTRUMENTS.find((candidate) => variable.startsWith(`${candidate.prefix}.`));
  if (outcome) return { instrumentId: outcome.instrumentId, json: false };
  const session = variable as SessionVariable;
  // Only the klik-alliance total is a column of its own; subscales and derived values live in the JSON columns.
  return { instrumentId: SESSION_INSTRUMENT[session], json: session !== 'alliance' };
}

/** One score row as the analyses read it (from `scores`, with the participant's cohort and practitioner). */
export interface ScoreRow {
  participantId: string;
  cohortId: string;
  responseId: string;
  timepointId: string;
  timepointKey: string;
  /** Position of the timepoint in the protocol (baseline first). */
  timepointPosition: number;
  timepointKind: string;
  instrumentVersion: string;
  sessionNumber: number | null;
  instrumentId: string;
  total: number | null;
  subscales: Record<string, unknown>;
  derived: Record<string, unknown>;
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

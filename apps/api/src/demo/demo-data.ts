import { createRandomGenerator, normalDeviate, type RandomGenerator } from '@klik/stats';
import { DISCLOSURE_CONTENT_CODES, DISCLOSURE_INTENT_CODES } from '@klik/survey-model';

/**
 * Seeded demo data with planted effects, pure (no I/O, no clock, randomness only from `createRandomGenerator`).
 *
 * The generator plans item answers, not scores: libs/survey-model scores them when they are stored, and the plan is
 * built so that those scores carry the effects below. The planted values are population correlations *of the
 * scores the analyses read* (person means over sessions, PHQ-9 totals), not of the latent variables: the latent
 * correlations (`LATENT`) are larger because averaging, rounding to answer steps and the 0–27 range attenuate them.
 * They were calibrated by generating 20,000 clients and scoring them with survey-model (see the unit test, which
 * re-checks the calibration on 3,000 clients).
 *
 * Model per client i (z = standard normal): latent alliance A_i; per session t a within-person alliance deviation
 * w_it. Session alliance items centre on 3.7 + 0.45 A_i + 0.35 w_it (1–5). The check-in's well-being (0–10) is
 * 4.6 + 0.12 (t - 1) + 1.2 C_i + 1.4 c_it, with C_i correlated with A_i (between) and c_it with w_it (within), so
 * the within-person association differs from the between-person one. PHQ-9 improvement (baseline - end) is
 * 6 + 4.5 (rho A_i + ...) points. Perceived disclosure (fit, boundary, helpfulness, effects) centres on
 * 3.4 + 0.6 D_i with D_i correlated with A_i; how often the client perceives disclosure depends on the
 * practitioner's habit (even practitioner index: discloses in about 55% of sessions; odd: about 10%).
 */
export const PLANTED_EFFECTS = {
  /** Between persons: client's mean alliance over sessions vs PHQ-9 change (end - baseline); Flückiger 2018 r = .278. */
  allianceOutcome: { x: 'alliance', y: 'phq9.change', r: -0.28 },
  /** Between persons: mean alliance vs mean perceived timing-and-fit of the practitioner's disclosures. */
  disclosureAlliance: { x: 'alliance', y: 'disclosure.fit', r: 0.4 },
  /** Session alliance vs check-in well-being: repeated-measures (within) and person-mean (between) correlations. */
  allianceCheckin: { x: 'alliance', y: 'checkin', within: 0.15, between: 0.45 },
} as const;

/** Latent correlations that give the planted score correlations (calibrated; see the file comment). */
export const LATENT = {
  allianceImprovement: 0.3,
  allianceDisclosure: 0.43,
  allianceWellbeingBetween: 0.49,
  allianceWellbeingWithin: 0.165,
} as const;

export type DemoAnswers = Record<string, unknown>;

export interface DemoSessionPlan {
  number: number;
  'klik-checkin': DemoAnswers;
  'klik-alliance': DemoAnswers;
  'klik-disclosure': DemoAnswers;
  'klik-session-log': DemoAnswers;
}

export interface DemoClientPlan {
  code: string;
  cohortIndex: number;
  practitionerIndex: number;
  baseline: { 'phq-9': DemoAnswers; 'gad-7': DemoAnswers };
  sessions: DemoSessionPlan[];
  end: { 'phq-9': DemoAnswers; 'gad-7': DemoAnswers; 'klik-alliance': DemoAnswers };
}

export interface DemoPractitionerPlan {
  index: number;
  habit: 'discloses' | 'rarely';
  /** Probability that the practitioner discloses in a session. */
  disclosureRate: number;
}

export interface DemoDataPlan {
  seed: number;
  practitioners: DemoPractitionerPlan[];
  clients: DemoClientPlan[];
}

export interface DemoDataOptions {
  seed: number;
  /** Clients per cohort, in cohort order. */
  clientsPerCohort: readonly number[];
  /** Number of practitioners; even indexes disclose often, odd ones rarely. */
  practitioners: number;
  /** Code prefix; codes are `${prefix}${number, 4 digits}`. */
  codePrefix?: string;
  /** Sessions per client, inclusive range; default [6, 12]. */
  sessions?: readonly [number, number];
}

/** The partner institution's cohort in the demo study: 40 clients of one practitioner who discloses often. */
export const DEMO_PARTNER_DATA_OPTIONS: DemoDataOptions = {
  seed: 20_261_130,
  clientsPerCohort: [40],
  practitioners: 1,
  codePrefix: 'NRD-',
};

/** The demo seed's sizes: 2 × 48 clients, 6–12 sessions each. */
export const DEMO_DATA_OPTIONS: DemoDataOptions = {
  seed: 20_261_129,
  clientsPerCohort: [48, 48],
  practitioners: 2,
  codePrefix: 'KLIK-',
};

const ALLIANCE_SUBSCALES = {
  bond: ['ka_bond_1', 'ka_bond_2', 'ka_bond_3'],
  goals: ['ka_goals_1', 'ka_goals_2', 'ka_goals_3'],
  tasks: ['ka_tasks_1', 'ka_tasks_2', 'ka_tasks_3'],
  equality: ['ka_equality_1', 'ka_equality_2', 'ka_equality_3'],
  humanity: ['ka_humanity_1', 'ka_humanity_2', 'ka_humanity_3'],
} as const;
const ALLIANCE_REVERSED = new Set(['ka_goals_3', 'ka_equality_3']);
const DISCLOSURE_REVERSED = new Set(['kd_boundary_3']);
const PHQ9_ITEMS = Array.from({ length: 9 }, (_, index) => `phq9_${index + 1}`);
const GAD7_ITEMS = Array.from({ length: 7 }, (_, index) => `gad7_${index + 1}`);
const CONTENT_CODES = DISCLOSURE_CONTENT_CODES.filter((code) => code !== 'other');
const INTENT_CODES = DISCLOSURE_INTENT_CODES.filter((code) => code !== 'other');

/** The plan's generator, with a second stream for spreading scale totals over items. */
type DemoRandom = RandomGenerator & { items: RandomGenerator };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A variable correlated `rho` with `common` (both standard normal). */
const correlated = (random: RandomGenerator, common: number, rho: number) =>
  rho * common + Math.sqrt(1 - rho * rho) * normalDeviate(random);

/**
 * Integer item values in [min, max] whose sum is `total` (clamped to what is reachable): the scored total or mean is
 * then exactly what the plan intends. Items take an even split and the remainder goes to items chosen at random,
 * so the items of a scale agree with each other (Cronbach's alpha about .6-.9 on the demo's 3-item subscales and
 * higher on longer scales) instead of competing for a fixed sum. Moving further units between items at random
 * would add within-person noise whose negative covariance cancels the agreement on 3-item scales.
 */
function spread(random: RandomGenerator, total: number, count: number, min: number, max: number): number[] {
  const sum = clamp(Math.round(total), min * count, max * count);
  const values = new Array<number>(count).fill(Math.floor(sum / count));
  let rest = sum - values[0] * count;
  while (rest > 0) {
    const index = random.nextInt(count);
    if (values[index] === Math.floor(sum / count)) {
      values[index]++;
      rest--;
    }
  }
  return values;
}

/** Items of one scale whose mean is about `mean`; reversed items are stored as answered (6 - scored value). */
function meanItems(
  random: DemoRandom,
  items: readonly string[],
  mean: number,
  reversed: ReadonlySet<string>,
  answers: DemoAnswers,
): void {
  const values = spread(random.items, clamp(mean, 1, 5) * items.length, items.length, 1, 5);
  items.forEach((item, index) => {
    answers[item] = reversed.has(item) ? 6 - values[index] : values[index];
  });
}

function sumItems(random: DemoRandom, items: readonly string[], total: number, max: number): DemoAnswers {
  const values = spread(random.items, total, items.length, 0, max);
  return Object.fromEntries(items.map((item, index) => [item, values[index]]));
}

function allianceAnswers(random: DemoRandom, level: number): DemoAnswers {
  const answers: DemoAnswers = {};
  for (const items of Object.values(ALLIANCE_SUBSCALES)) {
    meanItems(random, items, level + 0.15 * normalDeviate(random), ALLIANCE_REVERSED, answers);
  }
  return answers;
}

const scale010 = (value: number) => clamp(Math.round(value), 0, 10);
const pick = <T>(random: RandomGenerator, values: readonly T[]): T => values[random.nextInt(values.length)];

function disclosureAnswers(random: DemoRandom, frequency: number, level: number): DemoAnswers {
  if (frequency === 0) return { kd_frequency: 0 };
  const answers: DemoAnswers = { kd_frequency: frequency, kd_content: [pick(random, CONTENT_CODES)] };
  const session = () => level + 0.3 * normalDeviate(random);
  meanItems(random, ['kd_fit_1', 'kd_fit_2', 'kd_fit_3'], session(), DISCLOSURE_REVERSED, answers);
  meanItems(
    random,
    ['kd_boundary_1', 'kd_boundary_2', 'kd_boundary_3'],
    session(),
    DISCLOSURE_REVERSED,
    answers,
  );
  meanItems(random, ['kd_helpful'], session(), DISCLOSURE_REVERSED, answers);
  meanItems(
    random,
    ['kd_effect_openness', 'kd_effect_hope', 'kd_effect_not_alone', 'kd_effect_shame'],
    session(),
    DISCLOSURE_REVERSED,
    answers,
  );
  return answers;
}

function sessionLogAnswers(random: DemoRandom, disclosed: boolean, level: number): DemoAnswers {
  const answers: DemoAnswers = { ksl_disclosed: disclosed ? 1 : 0 };
  if (disclosed) {
    answers.ksl_content = [pick(random, CONTENT_CODES)];
    answers.ksl_intent = [pick(random, INTENT_CODES)];
    answers.ksl_reaction = clamp(Math.round(3.5 + normalDeviate(random)), 1, 5);
    answers.ksl_focus_returned = clamp(Math.round(4 + 0.8 * normalDeviate(random)), 1, 5);
  }
  meanItems(
    random,
    ['ksl_alliance_bond', 'ksl_alliance_goals', 'ksl_alliance_tasks', 'ksl_alliance_trust'],
    level,
    new Set(),
    answers,
  );
  return answers;
}

/** How often a client perceives disclosure in a session, given whether the practitioner logged one. */
function perceivedFrequency(random: RandomGenerator, disclosed: boolean): number {
  const draw = random.nextFloat();
  if (!disclosed) return draw < 0.1 ? 1 : 0;
  return draw < 0.6 ? 1 : draw < 0.9 ? 2 : 3;
}

function planClient(
  random: DemoRandom,
  options: DemoDataOptions,
  practitioner: DemoPractitionerPlan,
  cohortIndex: number,
  code: string,
): DemoClientPlan {
  const [fewest, most] = options.sessions ?? [6, 12];
  const alliance = normalDeviate(random);
  const wellbeing = correlated(random, alliance, LATENT.allianceWellbeingBetween);
  const disclosureLevel = 3.4 + 0.6 * correlated(random, alliance, LATENT.allianceDisclosure);
  const severity = normalDeviate(random);
  const improvement = correlated(random, alliance, LATENT.allianceImprovement);

  const sessions: DemoSessionPlan[] = [];
  const count = fewest + random.nextInt(most - fewest + 1);
  for (let number = 1; number <= count; number++) {
    const deviation = normalDeviate(random);
    const level = 3.7 + 0.45 * alliance + 0.35 * deviation;
    const wellbeingNow = correlated(random, deviation, LATENT.allianceWellbeingWithin);
    const disclosed = random.nextFloat() < practitioner.disclosureRate;
    sessions.push({
      number,
      'klik-checkin': {
        kc_wellbeing: scale010(4.6 + 0.12 * (number - 1) + 1.2 * wellbeing + 1.4 * wellbeingNow),
        kc_connection: scale010(6.8 + 1.2 * alliance + 0.8 * deviation + 0.7 * normalDeviate(random)),
        kc_heard: scale010(6.9 + 1.1 * alliance + 0.8 * deviation + 0.7 * normalDeviate(random)),
        kc_hope: scale010(5 + 0.1 * number + wellbeing + normalDeviate(random)),
      },
      'klik-alliance': allianceAnswers(random, level),
      'klik-disclosure': disclosureAnswers(random, perceivedFrequency(random, disclosed), disclosureLevel),
      'klik-session-log': sessionLogAnswers(
        random,
        disclosed,
        3.6 + 0.3 * alliance + 0.4 * normalDeviate(random),
      ),
    });
  }

  const phqBefore = clamp(Math.round(15 + 4 * severity), 5, 27);
  const phqAfter = clamp(Math.round(phqBefore - (6 + 4.5 * improvement)), 0, 27);
  const anxiety = correlated(random, severity, 0.6);
  const gadBefore = clamp(Math.round(11 + 3.5 * anxiety), 0, 21);
  const gadAfter = clamp(Math.round(gadBefore - (4 + 3.5 * correlated(random, improvement, 0.7))), 0, 21);
  return {
    code,
    cohortIndex,
    practitionerIndex: practitioner.index,
    baseline: {
      'phq-9': sumItems(random, PHQ9_ITEMS, phqBefore, 3),
      'gad-7': sumItems(random, GAD7_ITEMS, gadBefore, 3),
    },
    sessions,
    end: {
      'phq-9': sumItems(random, PHQ9_ITEMS, phqAfter, 3),
      'gad-7': sumItems(random, GAD7_ITEMS, gadAfter, 3),
      'klik-alliance': allianceAnswers(random, 3.7 + 0.45 * alliance + 0.35 * normalDeviate(random)),
    },
  };
}

/**
 * Plans the demo data: per client (in cohort order, practitioners assigned in turn) baseline PHQ-9 and GAD-7,
 * a series of sessions with klik-checkin, klik-alliance, klik-disclosure and the practitioner's klik-session-log,
 * and end PHQ-9, GAD-7 and klik-alliance, all as item answers. The same options always give the same plan.
 * @throws RangeError for a seed that is not a safe integer, or no practitioners.
 */
export function generateDemoData(options: DemoDataOptions): DemoDataPlan {
  if (options.practitioners < 1) throw new RangeError('generateDemoData requires at least one practitioner');
  // Item answers draw from their own stream, so the planned latent values do not depend on how items are spread.
  const random: DemoRandom = Object.assign(createRandomGenerator(options.seed), {
    items: createRandomGenerator(options.seed + 7919),
  });
  const practitioners: DemoPractitionerPlan[] = Array.from({ length: options.practitioners }, (_, index) =>
    index % 2 === 0
      ? { index, habit: 'discloses' as const, disclosureRate: 0.55 }
      : { index, habit: 'rarely' as const, disclosureRate: 0.1 },
  );
  const clients: DemoClientPlan[] = [];
  const prefix = options.codePrefix ?? 'KLIK-';
  options.clientsPerCohort.forEach((size, cohortIndex) => {
    for (let i = 0; i < size; i++) {
      const practitioner = practitioners[clients.length % practitioners.length];
      const code = `${prefix}${String(clients.length + 1).padStart(4, '0')}`;
      clients.push(planClient(random, options, practitioner, cohortIndex, code));
    }
  });
  return { seed: options.seed, practitioners, clients };
}

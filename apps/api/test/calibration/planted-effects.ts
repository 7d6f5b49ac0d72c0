import { pearson, repeatedMeasuresCorrelation } from '@klik/stats';
import { getInstrument, scoreAnswers } from '@klik/survey-model';
import {
  type DemoAnswers,
  type DemoDataOptions,
  type DemoDataPlan,
  generateDemoData,
  PLANTED_EFFECTS,
} from '../../src/demo/demo-data';

/**
 * The planted effects' 95% intervals on generated demo data, for the calibration test
 * (apps/api/test/planted-effects-calibration.spec.ts). Scores come from survey-model and intervals from the
 * libs/stats functions the endpoints use: `pearson` (Fisher-z interval) on the clients' means over sessions and the
 * PHQ-9 change (end - baseline) for the correlation table; `repeatedMeasuresCorrelation` on the sessions and
 * `pearson` of the clients' means for the within-person endpoint.
 */

export type EffectName = 'allianceOutcome' | 'disclosureAlliance' | 'within' | 'between';
export type Interval = [number, number];

/** The planted population value of each effect. */
export const PLANTED: Record<EffectName, number> = {
  allianceOutcome: PLANTED_EFFECTS.allianceOutcome.r,
  disclosureAlliance: PLANTED_EFFECTS.disclosureAlliance.r,
  within: PLANTED_EFFECTS.allianceCheckin.within,
  between: PLANTED_EFFECTS.allianceCheckin.between,
};

/** The sizes of the analyses endpoint test (apps/api/test/analyses.spec.ts): 106 clients, two practitioners. */
export const CALIBRATION_OPTIONS: Omit<DemoDataOptions, 'seed'> = {
  clientsPerCohort: [50, 50, 6],
  practitioners: 2,
};

/**
 * survey-model's score, remembered per answer map: the generator repeats item patterns (about a quarter of the
 * session answer maps are new), and scoring is most of the run time.
 */
const scores = new Map<string, ReturnType<typeof scoreAnswers>>();
function score(instrumentId: string, answers: DemoAnswers): ReturnType<typeof scoreAnswers> {
  const key = instrumentId + JSON.stringify(answers);
  let found = scores.get(key);
  if (!found) {
    found = scoreAnswers(getInstrument(instrumentId, '1.0.0'), answers as Parameters<typeof scoreAnswers>[1]);
    scores.set(key, found);
  }
  return found;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The four planted effects' 95% intervals on one generated data set. */
export function plantedEffectIntervals(plan: DemoDataPlan): Record<EffectName, Interval> {
  const alliance: number[] = [];
  const change: number[] = [];
  const fit: (number | null)[] = [];
  const wellbeing: number[] = [];
  const subject: number[] = [];
  const sessionAlliance: number[] = [];
  const sessionWellbeing: number[] = [];
  plan.clients.forEach((client, index) => {
    const alliances: number[] = [];
    const wellbeings: number[] = [];
    const fits: number[] = [];
    for (const session of client.sessions) {
      const allianceNow = score('klik-alliance', session['klik-alliance']).total as number;
      const wellbeingNow = score('klik-checkin', session['klik-checkin']).subscales['wellbeing']
        ?.value as number;
      const fitNow = score('klik-disclosure', session['klik-disclosure']).subscales['fit']?.value ?? null;
      alliances.push(allianceNow);
      wellbeings.push(wellbeingNow);
      if (fitNow !== null) fits.push(fitNow);
      subject.push(index);
      sessionAlliance.push(allianceNow);
      sessionWellbeing.push(wellbeingNow);
    }
    alliance.push(mean(alliances));
    wellbeing.push(mean(wellbeings));
    fit.push(fits.length > 0 ? mean(fits) : null);
    change.push(
      (score('phq-9', client.end['phq-9']).total as number) -
        (score('phq-9', client.baseline['phq-9']).total as number),
    );
  });
  return {
    allianceOutcome: pearson(alliance, change).ci,
    disclosureAlliance: pearson(alliance, fit).ci,
    within: repeatedMeasuresCorrelation(subject, sessionAlliance, sessionWellbeing).ci,
    between: pearson(alliance, wellbeing).ci,
  };
}

/** The intervals for seeds first, first + 1, ..., first + count - 1. */
export function calibrationIntervals(first: number, count: number): Record<EffectName, Interval>[] {
  return Array.from({ length: count }, (_, index) =>
    plantedEffectIntervals(generateDemoData({ seed: first + index, ...CALIBRATION_OPTIONS })),
  );
}

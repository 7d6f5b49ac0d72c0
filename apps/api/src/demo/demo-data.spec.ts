import { pearson, repeatedMeasuresCorrelation } from '@klik/stats';
import { getInstrument, scoreAnswers, validateAnswers } from '@klik/survey-model';
import { generateDemoData, PLANTED_EFFECTS, type DemoAnswers, type DemoDataPlan } from './demo-data';

const score = (instrumentId: string, answers: DemoAnswers) =>
  scoreAnswers(getInstrument(instrumentId, '1.0.0'), answers as Parameters<typeof scoreAnswers>[1]);

const subscale = (instrumentId: string, answers: DemoAnswers, id: string): number | null => {
  const value = (
    score(instrumentId, answers).subscales as Record<string, { value: number | null } | undefined>
  )[id];
  return value?.value ?? null;
};

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The person-level and session-level scores the analyses would read, computed by survey-model. */
function scored(plan: DemoDataPlan) {
  const alliance: number[] = [];
  const change: number[] = [];
  const fit: (number | null)[] = [];
  const wellbeingMean: number[] = [];
  const subject: number[] = [];
  const sessionAlliance: number[] = [];
  const sessionWellbeing: number[] = [];
  plan.clients.forEach((client, index) => {
    const alliances = client.sessions.map(
      (session) => score('klik-alliance', session['klik-alliance']).total as number,
    );
    const wellbeing = client.sessions.map(
      (session) => subscale('klik-checkin', session['klik-checkin'], 'wellbeing') as number,
    );
    const fits = client.sessions
      .map((session) => subscale('klik-disclosure', session['klik-disclosure'], 'fit'))
      .filter((value): value is number => value !== null);
    alliance.push(mean(alliances));
    wellbeingMean.push(mean(wellbeing));
    fit.push(fits.length > 0 ? mean(fits) : null);
    change.push(
      (score('phq-9', client.end['phq-9']).total as number) -
        (score('phq-9', client.baseline['phq-9']).total as number),
    );
    alliances.forEach((value, session) => {
      subject.push(index);
      sessionAlliance.push(value);
      sessionWellbeing.push(wellbeing[session]);
    });
  });
  return { alliance, change, fit, wellbeingMean, subject, sessionAlliance, sessionWellbeing };
}

describe('generateDemoData', () => {
  const options = { seed: 7, clientsPerCohort: [5, 3], practitioners: 3 };

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoData(options)).toEqual(generateDemoData(options));
    expect(generateDemoData({ ...options, seed: 8 })).not.toEqual(generateDemoData(options));
  });

  it('plans clients per cohort, practitioners in turn with and without disclosure habits, 6-12 sessions', () => {
    const plan = generateDemoData(options);
    expect(plan.clients.map((client) => client.cohortIndex)).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    expect(plan.clients.map((client) => client.practitionerIndex)).toEqual([0, 1, 2, 0, 1, 2, 0, 1]);
    expect(plan.practitioners.map((practitioner) => practitioner.habit)).toEqual([
      'discloses',
      'rarely',
      'discloses',
    ]);
    expect(new Set(plan.clients.map((client) => client.code)).size).toBe(8);
    for (const client of plan.clients) {
      expect(client.sessions.length).toBeGreaterThanOrEqual(6);
      expect(client.sessions.length).toBeLessThanOrEqual(12);
      expect(client.sessions.map((session) => session.number)).toEqual(
        client.sessions.map((_, index) => index + 1),
      );
    }
  });

  it('gives valid answers whose scores are in range', () => {
    const plan = generateDemoData({ ...options, clientsPerCohort: [12, 12] });
    const check = (instrumentId: string, answers: DemoAnswers) => {
      const result = validateAnswers(getInstrument(instrumentId, '1.0.0'), answers, { language: 'en' });
      expect({ instrumentId, errors: result.valid ? [] : result.errors }).toEqual({
        instrumentId,
        errors: [],
      });
      return score(instrumentId, answers);
    };
    for (const client of plan.clients) {
      for (const timepoint of [client.baseline, client.end]) {
        const phq = check('phq-9', timepoint['phq-9']).total as number;
        expect(phq).toBeGreaterThanOrEqual(0);
        expect(phq).toBeLessThanOrEqual(27);
        const gad = check('gad-7', timepoint['gad-7']).total as number;
        expect(gad).toBeGreaterThanOrEqual(0);
        expect(gad).toBeLessThanOrEqual(21);
      }
      for (const session of client.sessions) {
        const alliance = check('klik-alliance', session['klik-alliance']).total as number;
        expect(alliance).toBeGreaterThanOrEqual(1);
        expect(alliance).toBeLessThanOrEqual(5);
        check('klik-disclosure', session['klik-disclosure']);
        check('klik-session-log', session['klik-session-log']);
        check('klik-checkin', session['klik-checkin']);
        const wellbeing = subscale('klik-checkin', session['klik-checkin'], 'wellbeing') as number;
        expect(wellbeing).toBeGreaterThanOrEqual(0);
        expect(wellbeing).toBeLessThanOrEqual(10);
      }
    }
  });

  it('practitioners who disclose are perceived as disclosing more often', () => {
    const plan = generateDemoData({ seed: 11, clientsPerCohort: [200], practitioners: 2 });
    const rate = (habit: number) => {
      const sessions = plan.clients
        .filter((client) => client.practitionerIndex === habit)
        .flatMap((client) =>
          client.sessions.map((session) => (session['klik-disclosure'].kd_frequency as number) > 0),
        );
      return sessions.filter(Boolean).length / sessions.length;
    };
    expect(rate(0)).toBeGreaterThan(0.4);
    expect(rate(1)).toBeLessThan(0.25);
  });

  it('carries the planted score correlations in a large sample (calibration check)', () => {
    // 3,000 clients: the standard error of r is about .017, so .05 is about 3 standard errors.
    const data = scored(generateDemoData({ seed: 99, clientsPerCohort: [3000], practitioners: 2 }));
    const tolerance = 0.05;
    expect(Math.abs(pearson(data.alliance, data.change).r - PLANTED_EFFECTS.allianceOutcome.r)).toBeLessThan(
      tolerance,
    );
    expect(Math.abs(pearson(data.alliance, data.fit).r - PLANTED_EFFECTS.disclosureAlliance.r)).toBeLessThan(
      tolerance,
    );
    expect(
      Math.abs(pearson(data.alliance, data.wellbeingMean).r - PLANTED_EFFECTS.allianceCheckin.between),
    ).toBeLessThan(tolerance);
    const within = repeatedMeasuresCorrelation(data.subject, data.sessionAlliance, data.sessionWellbeing).r;
    expect(Math.abs(within - PLANTED_EFFECTS.allianceCheckin.within)).toBeLessThan(tolerance);
  });
});

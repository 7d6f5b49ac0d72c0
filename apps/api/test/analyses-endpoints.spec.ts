import {
  confidenceBand,
  cronbachAlpha,
  linearMixedModel,
  linearRegression,
  mcdonaldOmega,
  mean,
  meanConfidenceInterval,
  pearson,
} from '@klik/stats';
import { getInstrument, scoreAnswers } from '@klik/survey-model';
import type TestAgent from 'supertest/lib/agent';
import { type DemoAnswers, type DemoClientPlan, generateDemoData } from '../src/demo/demo-data';
import { ScoredResponseWriter } from '../src/responses/scored-response.writer';
import { addPractitioner, createDemoStudy, writeDemoPlan } from './demo-study-fixture';
import {
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 5, the analysis endpoints added after the correlation table: scatter, trajectories, the pre/post change
 * points, scale quality and the practitioner's alerts, with the timepoint and instrument-version filters and the
 * exclusion of withdrawn participants. Demo data are generated into a fresh institution; every expected number is
 * computed here from the generated answers (scored with survey-model, then libs/stats), never read back from the
 * implementation.
 */

const SEED = 4_242;
const CLIENTS_PER_COHORT = [30, 30, 6];
/** Clients (plan order) who also answer a follow-up PHQ-9, with their baseline answers (so: no change). */
const FOLLOW_UP_CLIENTS = 20;

const score = (instrumentId: string, answers: DemoAnswers) =>
  scoreAnswers(getInstrument(instrumentId, '1.0.0'), answers as Parameters<typeof scoreAnswers>[1]);
const total = (instrumentId: string, answers: DemoAnswers): number | null =>
  score(instrumentId, answers).total;

const close = (actual: number | null, expected: number, digits = 10) => {
  expect(actual).not.toBeNull();
  expect(actual as number).toBeCloseTo(expected, digits);
};

/** Relative agreement, for the mixed model (an iterative fit whose subject order differs). */
const relativelyClose = (actual: number, expected: number, tolerance = 1e-5) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe('analysis endpoints: scatter, trajectories, change points, scale quality, alerts', () => {
  let t: TestApp;
  let a: SeededInstitution;
  let researcher: TestAgent;
  let practitioner: TestAgent;
  let outsider: TestAgent;
  let studyId: string;
  let cohortIds: string[];
  let practitionerIds: string[];
  let timepoints: { baseline: string; session: string; end: string; followUp: string };
  let participantIds: string[];
  const plan = generateDemoData({ seed: SEED, clientsPerCohort: CLIENTS_PER_COHORT, practitioners: 2 });
  const api = (path: string) => `/api/studies/${studyId}/analyses/${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedInstitution(t.dataSource);
    const b = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, a.users.researcher.email);
    practitioner = t.agent();
    await login(practitioner, a.users.practitioner.email);
    outsider = t.agent();
    await login(outsider, b.users.researcher.email);

    const study = await createDemoStudy(researcher, {
      title: unique('analyses-endpoints'),
      // Answers and scores stay after a withdrawal under this policy: only the analyses' filter keeps them out.
      withdrawalPolicy: 'erase_link',
      cohorts: [{ name: 'Large A' }, { name: 'Large B' }, { name: 'Small' }],
      extraTimepoints: [
        {
          key: 'follow-up',
          label: { nl: 'Follow-up', en: 'Follow-up' },
          kind: 'follow_up',
          offsetDays: 180,
          instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
        },
      ],
    });
    studyId = study.studyId;
    cohortIds = study.cohortIds;
    const { baseline, session, end, 'follow-up': followUp } = study.timepointIds;
    timepoints = { baseline, session, end, followUp };

    practitionerIds = [a.users.practitioner.user.id, await addPractitioner(t.dataSource, a.institution.id)];
    participantIds = await writeDemoPlan(
      t,
      { ...study, institutionId: a.institution.id, createdById: a.users.researcher.user.id, practitionerIds },
      plan,
    );
    const writer = t.app.get(ScoredResponseWriter);
    await t.dataSource.transaction(async (m) => {
      for (let index = 0; index < FOLLOW_UP_CLIENTS; index++) {
        await writer.write(
          m,
          {
            institutionId: a.institution.id,
            studyId,
            participantId: participantIds[index],
            timepointId: followUp,
            sessionNumber: null,
            respondent: 'client',
            invitationId: null,
            respondentUserId: null,
          },
          getInstrument('phq-9', '1.0.0'),
          'en',
          plan.clients[index].baseline['phq-9'],
        );
      }
    });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  // ---- Expected values, from the generated answers --------------------------------------------------------------

  const allianceOf = (client: DemoClientPlan) =>
    client.sessions
      .map((session) => ({
        session: session.number,
        value: total('klik-alliance', session['klik-alliance']),
      }))
      .filter((entry): entry is { session: number; value: number } => entry.value !== null);
  const meanAlliance = (client: DemoClientPlan) => {
    const values = allianceOf(client).map((entry) => entry.value);
    return values.length === 0 ? null : mean(values);
  };
  const phqChange = (client: DemoClientPlan) => {
    const before = total('phq-9', client.baseline['phq-9']);
    const after = total('phq-9', client.end['phq-9']);
    return before === null || after === null ? null : after - before;
  };
  const expectedScatter = (clients: DemoClientPlan[]) =>
    clients
      .map((client) => ({ x: meanAlliance(client), y: phqChange(client) }))
      .filter((point): point is { x: number; y: number } => point.x !== null && point.y !== null)
      .sort((p, q) => p.x - q.x || p.y - q.y);

  // ---- Scatter ---------------------------------------------------------------------------------------------------

  it('scatter: anonymous points, Pearson r, the least-squares line and its 95% band, as libs/stats on the answers', async () => {
    const response = await researcher.get(api('scatter?x=alliance&y=phq9.change')).expect(200);
    const body = response.body;
    const expected = expectedScatter(plan.clients);
    expect(body.n).toBe(expected.length);
    expect(body.suppressed).toBe(false);
    expect(body.x.id).toBe('alliance');
    expect(body.y.id).toBe('phq9.change');
    expect(body.points).toHaveLength(expected.length);
    for (const point of body.points) expect(Object.keys(point).sort()).toEqual(['x', 'y']);
    // Sorted by x then y; equal means may differ in the last bit between two summation orders, so compare the
    // points as rounded text, each list sorted the same way.
    const asText = (points: { x: number; y: number }[]) =>
      points.map((point) => `${point.x.toFixed(9)} ${point.y}`).sort();
    expect(asText(body.points)).toEqual(asText(expected));
    expect(body.points.map((point: { x: number }) => point.x)).toEqual(
      [...body.points.map((point: { x: number }) => point.x)].sort((p, q) => p - q),
    );
    const xs = expected.map((point) => point.x);
    const ys = expected.map((point) => point.y);
    const r = pearson(xs, ys);
    close(body.correlation.estimate, r.r, 12);
    close(body.correlation.ci[0], r.ci[0], 12);
    close(body.correlation.ci[1], r.ci[1], 12);
    const fit = linearRegression(xs, ys);
    close(body.regression.intercept.estimate, fit.intercept.estimate, 10);
    close(body.regression.intercept.se, fit.intercept.se, 10);
    close(body.regression.slope.estimate, fit.slope.estimate, 10);
    close(body.regression.slope.se, fit.slope.se, 10);
    close(body.regression.slope.ci[0], fit.slope.ci[0], 10);
    expect(body.regression.df).toBe(expected.length - 2);
    const band = confidenceBand(fit, { range: [xs[0], xs[xs.length - 1]], points: 50 });
    expect(body.band).toHaveLength(50);
    body.band.forEach((point: { x: number; fit: number; lower: number; upper: number }, index: number) => {
      close(point.x, band[index].x, 12);
      close(point.fit, band[index].fit, 10);
      close(point.lower, band[index].lower, 10);
      close(point.upper, band[index].upper, 10);
    });
    // The body holds no participant id or code.
    for (const id of participantIds.slice(0, 5)) expect(response.text).not.toContain(id);
    expect(response.text).not.toContain(plan.clients[0].code);
  });

  it('scatter: filters by cohort, and shows no points and no line under the minimum n', async () => {
    const large = await researcher
      .get(api(`scatter?x=alliance&y=phq9.change&cohortId=${cohortIds[1]}`))
      .expect(200);
    const expected = expectedScatter(plan.clients.filter((client) => client.cohortIndex === 1));
    expect(large.body.n).toBe(expected.length);
    close(
      large.body.correlation.estimate,
      pearson(
        expected.map((point) => point.x),
        expected.map((point) => point.y),
      ).r,
      12,
    );

    const small = await researcher
      .get(api(`scatter?x=alliance&y=phq9.change&cohortId=${cohortIds[2]}`))
      .expect(200);
    expect(small.body).toMatchObject({
      n: CLIENTS_PER_COHORT[2],
      suppressed: true,
      points: [],
      regression: null,
      band: [],
      correlation: { suppressed: true, estimate: null, ci: null },
    });
  });

  // ---- Trajectories ----------------------------------------------------------------------------------------------

  it('trajectories: per-client series, the mean per session with its t interval, and the mixed model', async () => {
    const response = await researcher.get(api('trajectories?variable=alliance')).expect(200);
    const body = response.body;
    const series = plan.clients.map(allianceOf).filter((own) => own.length > 0);
    const observations = series.reduce((sum, own) => sum + own.length, 0);
    expect(body).toMatchObject({ nClients: series.length, nObservations: observations, suppressed: false });
    expect(body.series).toHaveLength(series.length);
    expect(body.series.map((entry: { series: number }) => entry.series)).toEqual(
      series.map((_, index) => index + 1),
    );
    // The same multiset of series (order is anonymous): compare them as sorted strings.
    const asText = (points: { session: number; value: number }[]) =>
      points.map((point) => `${point.session}:${point.value.toFixed(9)}`).join(',');
    expect(
      body.series
        .map((entry: { points: { session: number; value: number }[] }) => asText(entry.points))
        .sort(),
    ).toEqual(series.map(asText).sort());

    const bySession = new Map<number, number[]>();
    for (const own of series)
      for (const point of own)
        bySession.set(point.session, [...(bySession.get(point.session) ?? []), point.value]);
    const sessions = [...bySession.keys()].sort((p, q) => p - q);
    expect(body.means.map((entry: { session: number }) => entry.session)).toEqual(sessions);
    for (const entry of body.means as {
      session: number;
      n: number;
      suppressed: boolean;
      mean: number;
      ci: [number, number];
    }[]) {
      const values = bySession.get(entry.session) as number[];
      expect(entry.n).toBe(values.length);
      if (values.length < 10) {
        expect(entry).toMatchObject({ suppressed: true, mean: null, ci: null });
        continue;
      }
      const interval = meanConfidenceInterval(values);
      close(entry.mean, interval.mean, 10);
      close(entry.ci[0], interval.ci[0], 10);
      close(entry.ci[1], interval.ci[1], 10);
    }
    // Sessions 1-6 are everyone's (6-12 sessions each); session 12 only some clients'.
    expect(body.means[0].suppressed).toBe(false);

    const fit = linearMixedModel({
      y: series.flatMap((own) => own.map((point) => point.value)),
      time: series.flatMap((own) => own.map((point) => point.session)),
      subject: series.flatMap((own, index) => own.map(() => index)),
    });
    const model = body.model;
    relativelyClose(model.intercept.estimate, fit.fixed[0]);
    relativelyClose(model.slope.estimate, fit.fixed[1]);
    relativelyClose(model.intercept.se, fit.se[0]);
    relativelyClose(model.slope.se, fit.se[1]);
    relativelyClose(model.variance.residual, fit.varResidual);
    relativelyClose(model.variance.intercept, fit.varIntercept, 1e-4);
    expect(model.nObservations).toBe(observations);
    expect(model.nClients).toBe(series.length);
    expect(model.fitted.map((point: { x: number }) => point.x)).toEqual(
      Array.from(
        { length: sessions[sessions.length - 1] - sessions[0] + 1 },
        (_, index) => sessions[0] + index,
      ),
    );
    for (const point of model.fitted as { x: number; fit: number; lower: number; upper: number }[]) {
      relativelyClose(point.fit, fit.fixed[0] + fit.fixed[1] * point.x);
      const se = Math.sqrt(
        fit.se[0] ** 2 + 2 * point.x * fit.fixedCovariance + point.x ** 2 * fit.se[1] ** 2,
      );
      relativelyClose(point.upper - point.lower, 2 * 1.959963984540054 * se, 1e-4);
    }
  });

  it('trajectories: disclosure and check-in read their own measures; a practitioner filter narrows the clients', async () => {
    const disclosure = await researcher.get(api('trajectories?variable=disclosure')).expect(200);
    const frequencies = plan.clients.flatMap((client) =>
      client.sessions.filter((session) => typeof session['klik-disclosure'].kd_frequency === 'number'),
    );
    expect(disclosure.body.nObservations).toBe(frequencies.length);
    const sessionOne = plan.clients
      .map((client) => client.sessions.find((session) => session.number === 1))
      .filter((session) => session !== undefined)
      .map((session) => session['klik-disclosure'].kd_frequency as number);
    close(disclosure.body.means[0].mean, mean(sessionOne), 10);

    const checkin = await researcher.get(api('trajectories?variable=checkin')).expect(200);
    const wellbeing = plan.clients.flatMap((client) =>
      client.sessions
        .map((session) => score('klik-checkin', session['klik-checkin']).subscales['wellbeing']?.value)
        .filter((value) => typeof value === 'number'),
    );
    expect(checkin.body.nObservations).toBe(wellbeing.length);

    const own = await researcher
      .get(api(`trajectories?variable=alliance&practitionerId=${practitionerIds[1]}`))
      .expect(200);
    expect(own.body.nClients).toBe(plan.clients.filter((client) => client.practitionerIndex === 1).length);

    const small = await researcher.get(api(`trajectories?cohortId=${cohortIds[2]}`)).expect(200);
    expect(small.body).toMatchObject({ suppressed: true, series: [], means: [], model: null });
  });

  // ---- Change: the pre/post scatter --------------------------------------------------------------------------------

  it('change: pre/post points with their category, the cut-off and the band of no reliable change', async () => {
    const response = await researcher.get(api('change?instrument=phq-9')).expect(200);
    const body = response.body;
    const expected = plan.clients
      .map((client) => ({
        pre: total('phq-9', client.baseline['phq-9']),
        post: total('phq-9', client.end['phq-9']),
      }))
      .filter((point): point is { pre: number; post: number } => point.pre !== null && point.post !== null)
      .sort((p, q) => p.pre - q.pre || p.post - q.post);
    expect(
      body.points.map((point: { pre: number; post: number }) => ({ pre: point.pre, post: point.post })),
    ).toEqual(expected);
    expect(body.band).toEqual({ halfWidth: 6, scoreRange: [0, 27] });
    expect(body.post).toEqual({ timepointId: null, timepointKind: 'end' });
    // Jacobson & Truax with PHQ-9's published values, written out: reliable = |change| >= 6, cut-off 10.
    const category = ({ pre, post }: { pre: number; post: number }) => {
      if (post - pre <= -6) return pre >= 10 && post < 10 ? 'recovered' : 'improved';
      return post - pre >= 6 ? 'deteriorated' : 'unchanged';
    };
    expect(body.points.map((point: { category: string }) => point.category)).toEqual(expected.map(category));
    for (const name of ['recovered', 'improved', 'unchanged', 'deteriorated']) {
      expect(body.all.counts[name]).toBe(expected.filter((point) => category(point) === name).length);
    }
    expect(response.text).not.toContain(participantIds[0]);
  });

  it('change: timepointId picks the post measure (a follow-up instead of the end); baseline is refused', async () => {
    const followUp = await researcher
      .get(api(`change?instrument=phq-9&timepointId=${timepoints.followUp}`))
      .expect(200);
    expect(followUp.body.post).toEqual({ timepointId: timepoints.followUp, timepointKind: 'follow_up' });
    expect(followUp.body.all.n).toBe(FOLLOW_UP_CLIENTS);
    // The follow-up repeats the baseline answers: nobody changed.
    expect(followUp.body.all.counts).toEqual({
      recovered: 0,
      improved: 0,
      unchanged: FOLLOW_UP_CLIENTS,
      deteriorated: 0,
    });
    for (const point of followUp.body.points) expect(point.post).toBe(point.pre);

    const baseline = await researcher
      .get(api(`change?instrument=phq-9&timepointId=${timepoints.baseline}`))
      .expect(400);
    expect(baseline.body.errors.map((error: { field: string }) => error.field)).toEqual(['timepointId']);
  });

  // ---- Scale quality -----------------------------------------------------------------------------------------------

  interface ScaleEntry {
    instrumentId: string;
    scale: string;
    items: number;
    n: number;
    suppressed: boolean;
    alpha: number | null;
    alphaCi: [number, number] | null;
    omega: number | null;
  }
  const itemMatrix = (instrumentId: string, scale: string, answers: DemoAnswers[]) => {
    const definition = getInstrument(instrumentId, '1.0.0');
    const items =
      scale === 'total'
        ? (definition.scoring.total?.items ?? [])
        : (definition.scoring.subscales.find((subscale) => subscale.id === scale)?.items ?? []);
    const reverse = definition.scoring.reverse;
    return answers
      .map((values) =>
        items.map((id) => {
          const value = values[id];
          if (typeof value !== 'number') return null;
          return reverse?.items.includes(id) ? reverse.min + reverse.max - value : value;
        }),
      )
      .filter((row) => row.every((value) => value !== null)) as number[][];
  };
  const expectQuality = (entry: ScaleEntry | undefined, matrix: number[][]) => {
    expect(entry).toBeDefined();
    const found = entry as ScaleEntry;
    expect(found.n).toBe(matrix.length);
    const alpha = cronbachAlpha(matrix);
    close(found.alpha, alpha.alpha, 10);
    close(found.alphaCi?.[0] ?? null, alpha.ci[0], 10);
    close(found.alphaCi?.[1] ?? null, alpha.ci[1], 10);
    if (found.items >= 3) close(found.omega, mcdonaldOmega(matrix).omega, 6);
    else expect(found.omega).toBeNull();
  };
  const firstSession = (client: DemoClientPlan) =>
    [...client.sessions].sort((p, q) => p.number - q.number)[0];

  it("scale quality: alpha and omega of each scale from each client's first response, as libs/stats on the items", async () => {
    const response = await researcher.get(api('scale-quality')).expect(200);
    const scales = response.body.scales as ScaleEntry[];
    const find = (instrumentId: string, scale: string) =>
      scales.find((entry) => entry.instrumentId === instrumentId && entry.scale === scale);
    expect(response.body.responseRule).toMatch(/first/);

    // PHQ-9: the baseline response comes first in the protocol.
    expectQuality(
      find('phq-9', 'total'),
      itemMatrix(
        'phq-9',
        'total',
        plan.clients.map((c) => c.baseline['phq-9']),
      ),
    );
    // klik-alliance: the first session comes before the end timepoint; two items are reverse-keyed.
    const alliance = plan.clients.map((client) => firstSession(client)['klik-alliance']);
    expectQuality(find('klik-alliance', 'total'), itemMatrix('klik-alliance', 'total', alliance));
    expectQuality(find('klik-alliance', 'bond'), itemMatrix('klik-alliance', 'bond', alliance));
    // klik-disclosure: the first session in which the client perceived a disclosure (its scales apply only then).
    const disclosure = plan.clients
      .map((client) =>
        [...client.sessions]
          .sort((p, q) => p.number - q.number)
          .find((session) => session['klik-disclosure'].kd_frequency !== 0),
      )
      .filter((session) => session !== undefined)
      .map((session) => session['klik-disclosure']);
    expectQuality(find('klik-disclosure', 'fit'), itemMatrix('klik-disclosure', 'fit', disclosure));
    expect(find('klik-session-log', 'total') ?? find('klik-session-log', 'alliance')).toBeDefined();
  });

  it('scale quality: the timepoint filter picks that timepoint, the version filter and a small cohort empty it', async () => {
    const end = await researcher.get(api(`scale-quality?timepointId=${timepoints.end}`)).expect(200);
    const scales = end.body.scales as ScaleEntry[];
    expect([...new Set(scales.map((entry) => entry.instrumentId))].sort()).toEqual([
      'gad-7',
      'klik-alliance',
      'phq-9',
    ]);
    expectQuality(
      scales.find((entry) => entry.instrumentId === 'phq-9'),
      itemMatrix(
        'phq-9',
        'total',
        plan.clients.map((c) => c.end['phq-9']),
      ),
    );

    const version = await researcher.get(api('scale-quality?instrumentVersion=9.9.9')).expect(200);
    expect(version.body.scales).toEqual([]);

    const small = await researcher.get(api(`scale-quality?cohortId=${cohortIds[2]}`)).expect(200);
    expect(small.body.scales.length).toBeGreaterThan(0);
    for (const entry of small.body.scales as ScaleEntry[]) {
      expect(entry.n).toBeLessThanOrEqual(CLIENTS_PER_COHORT[2]);
      expect(entry).toMatchObject({ suppressed: true, alpha: null, alphaCi: null, omega: null });
    }
  });

  // ---- Alerts ------------------------------------------------------------------------------------------------------

  interface Alert {
    participantId: string;
    participantCode: string;
    rule: string;
    instrumentId: string;
    from: { sessionNumber: number | null; value: number; timepointKind: string; date: string | null };
    to: { sessionNumber: number | null; value: number; timepointKind: string; date: string | null };
    change: number;
    threshold: number;
  }
  const expectedAlerts = (clients: DemoClientPlan[], allianceDrop: number | null, deterioration: boolean) => {
    const keys: string[] = [];
    for (const client of clients) {
      if (allianceDrop !== null) {
        const series = allianceOf(client).sort((p, q) => p.session - q.session);
        for (let i = 1; i < series.length; i++) {
          if (series[i - 1].value - series[i].value >= allianceDrop - 1e-9) {
            keys.push(
              `${client.code} alliance_drop klik-alliance ${series[i - 1].session}->${series[i].session}`,
            );
          }
        }
      }
      if (deterioration) {
        for (const [instrumentId, threshold] of [
          ['phq-9', 6],
          ['gad-7', 4],
        ] as const) {
          const before = total(instrumentId, client.baseline[instrumentId]);
          const after = total(instrumentId, client.end[instrumentId]);
          if (before !== null && after !== null && after - before >= threshold) {
            keys.push(`${client.code} reliable_deterioration ${instrumentId} null->null`);
          }
        }
      }
    }
    return keys.sort();
  };
  const keysOf = (alerts: Alert[]) =>
    alerts
      .map(
        (alert) =>
          `${alert.participantCode} ${alert.rule} ${alert.instrumentId} ${alert.from.sessionNumber}->${alert.to.sessionNumber}`,
      )
      .sort();

  it('alerts: every alliance drop of the default 0.6 and every reliable deterioration, with codes and dates', async () => {
    const response = await researcher.get(api('alerts')).expect(200);
    const body = response.body as { rules: object; nClients: number; alerts: Alert[] };
    expect(body.rules).toEqual({
      allianceDrop: 0.6,
      reliableDeterioration: true,
      outcomeInstruments: ['phq-9', 'gad-7'],
    });
    expect(body.nClients).toBe(plan.clients.length);
    const expected = expectedAlerts(plan.clients, 0.6, true);
    // Both rules fire somewhere in the data, and most clients do not trigger them.
    expect(expected.some((key) => key.includes('alliance_drop'))).toBe(true);
    expect(expected.some((key) => key.includes('reliable_deterioration'))).toBe(true);
    expect(keysOf(body.alerts)).toEqual(expected);
    for (const alert of body.alerts) {
      expect(alert.change).toBeCloseTo(alert.to.value - alert.from.value, 12);
      expect(alert.to.date).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
      expect(participantIds).toContain(alert.participantId);
      if (alert.rule === 'alliance_drop') expect(alert.change).toBeLessThanOrEqual(-0.6 + 1e-9);
      else expect(alert.from.timepointKind).toBe('baseline');
    }
  });

  it('alerts: the threshold and the rule list are configurable', async () => {
    const strict = await researcher.get(api('alerts?allianceDrop=1.2&rules=alliance_drop')).expect(200);
    expect(strict.body.rules).toEqual({
      allianceDrop: 1.2,
      reliableDeterioration: false,
      outcomeInstruments: [],
    });
    expect(keysOf(strict.body.alerts)).toEqual(expectedAlerts(plan.clients, 1.2, false));
    expect(expectedAlerts(plan.clients, 1.2, false).length).toBeLessThan(
      expectedAlerts(plan.clients, 0.6, false).length,
    );

    const loose = await researcher.get(api('alerts?allianceDrop=0.3')).expect(200);
    expect(keysOf(loose.body.alerts)).toEqual(expectedAlerts(plan.clients, 0.3, true));

    const deterioration = await researcher.get(api('alerts?rules=reliable_deterioration')).expect(200);
    expect(keysOf(deterioration.body.alerts)).toEqual(expectedAlerts(plan.clients, null, true));
  });

  it("alerts: a practitioner sees only their own clients' alerts, even of a cohort under the minimum n", async () => {
    const own = plan.clients.filter((client) => client.practitionerIndex === 0);
    for (const query of ['', `?practitionerId=${practitionerIds[1]}`]) {
      const response = await practitioner.get(api(`alerts${query}`)).expect(200);
      expect(keysOf(response.body.alerts)).toEqual(expectedAlerts(own, 0.6, true));
      expect(response.body.nClients).toBe(own.length);
    }
    const others = await researcher.get(api(`alerts?practitionerId=${practitionerIds[1]}`)).expect(200);
    expect(keysOf(others.body.alerts)).toEqual(
      expectedAlerts(
        plan.clients.filter((client) => client.practitionerIndex === 1),
        0.6,
        true,
      ),
    );
    // A caseload list, not a statistic: six clients are listed, not suppressed.
    const small = await researcher.get(api(`alerts?cohortId=${cohortIds[2]}`)).expect(200);
    expect(small.body.nClients).toBe(CLIENTS_PER_COHORT[2]);
    expect(keysOf(small.body.alerts)).toEqual(
      expectedAlerts(
        plan.clients.filter((client) => client.cohortIndex === 2),
        0.6,
        true,
      ),
    );
  });

  // ---- Filters, errors and tenancy ---------------------------------------------------------------------------------

  it('filters by timepoint and instrument version', async () => {
    // Only the baseline scores: no session means, so no alliance-based pair; PHQ-9 at baseline stays.
    const baseline = await researcher.get(api(`correlations?timepointId=${timepoints.baseline}`)).expect(200);
    const n = (id: string) =>
      baseline.body.variables.find((variable: { id: string }) => variable.id === id).n;
    expect(n('alliance')).toBe(0);
    expect(n('phq9.baseline')).toBe(plan.clients.length);
    expect(n('phq9.end')).toBe(0);

    const sessions = await researcher.get(api(`within-person?timepointId=${timepoints.session}`)).expect(200);
    expect(sessions.body.nClients).toBe(plan.clients.length);
    const ends = await researcher.get(api(`within-person?timepointId=${timepoints.end}`)).expect(200);
    expect(ends.body.nClients).toBe(0);

    const version = await researcher.get(api('dyads?instrumentVersion=2.0.0')).expect(200);
    expect(version.body.nDyads).toBe(0);
    const current = await researcher.get(api('dyads?instrumentVersion=1.0.0')).expect(200);
    expect(current.body.nDyads).toBe(plan.clients.reduce((sum, client) => sum + client.sessions.length, 0));
  });

  it('rejects bad queries with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['scatter?x=mood', 'x'],
      ['scatter?y=phq9.later', 'y'],
      ['trajectories?variable=mood', 'variable'],
      ['alerts?allianceDrop=abc', 'allianceDrop'],
      ['alerts?allianceDrop=0', 'allianceDrop'],
      ['alerts?allianceDrop=9', 'allianceDrop'],
      ['alerts?rules=alliance_drop,astrology', 'rules'],
      ['scale-quality?timepointId=not-a-uuid', 'timepointId'],
      ['correlations?instrumentVersion=latest', 'instrumentVersion'],
      ['trajectories?surprise=1', 'surprise'],
    ];
    for (const [query, field] of cases) {
      const response = await researcher.get(api(query));
      expect({ query, status: response.status, code: response.body.code }).toEqual({
        query,
        status: 400,
        code: 'validation_failed',
      });
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  it("answers 404 for another institution's study, an unknown timepoint or practitioner", async () => {
    for (const path of ['scatter', 'trajectories', 'scale-quality', 'alerts']) {
      const response = await outsider.get(api(path)).expect(404);
      expect(response.body.code).toBe('not_found');
      expect(response.text).not.toContain(cohortIds[0]);
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    await researcher.get(api(`trajectories?timepointId=${unknown}`)).expect(404);
    await researcher.get(api(`scatter?practitionerId=${unknown}`)).expect(404);
  });

  // Last: it withdraws a participant.
  it('leaves a withdrawn participant out of every analysis, also when the policy keeps the answers', async () => {
    const expectedBefore = expectedAlerts(plan.clients, 0.6, true);
    // A client of a large cohort who has an alert, so the alert list shows the difference too.
    const index = plan.clients.findIndex(
      (client) => client.cohortIndex === 0 && expectedBefore.some((key) => key.startsWith(`${client.code} `)),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const withdrawn = plan.clients[index];
    await researcher
      .post(`/api/studies/${studyId}/participants/${participantIds[index]}/withdraw`)
      .expect(200);
    const scores = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM scores WHERE participant_id = $1',
      [participantIds[index]],
    );
    expect(scores[0].n).toBeGreaterThan(0);

    const remaining = plan.clients.filter((_, other) => other !== index);
    const correlations = await researcher.get(api('correlations')).expect(200);
    expect(correlations.body.nClients).toBe(remaining.length);
    const scatter = await researcher.get(api('scatter')).expect(200);
    expect(scatter.body.n).toBe(expectedScatter(remaining).length);
    const trajectories = await researcher.get(api('trajectories')).expect(200);
    expect(trajectories.body.nClients).toBe(
      remaining.filter((client) => allianceOf(client).length > 0).length,
    );
    const change = await researcher.get(api('change')).expect(200);
    expect(change.body.points).toHaveLength(change.body.all.n);
    expect(change.body.all.n).toBe(plan.clients.length - 1);
    const within = await researcher.get(api('within-person')).expect(200);
    expect(within.body.nClients).toBe(remaining.length);
    const dyads = await researcher.get(api('dyads')).expect(200);
    expect(dyads.body.nClients).toBe(remaining.length);
    const quality = await researcher.get(api('scale-quality')).expect(200);
    const phq = (quality.body.scales as ScaleEntry[]).find(
      (entry) => entry.instrumentId === 'phq-9',
    ) as ScaleEntry;
    expect(phq.n).toBe(
      itemMatrix(
        'phq-9',
        'total',
        remaining.map((c) => c.baseline['phq-9']),
      ).length,
    );
    const alerts = await researcher.get(api('alerts')).expect(200);
    expect(keysOf(alerts.body.alerts)).toEqual(expectedAlerts(remaining, 0.6, true));
    expect(alerts.body.alerts.map((alert: Alert) => alert.participantId)).not.toContain(
      participantIds[index],
    );
    expect(keysOf(alerts.body.alerts).some((key) => key.startsWith(`${withdrawn.code} `))).toBe(false);
  });
});

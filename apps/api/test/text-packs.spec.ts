import { getInstrument, type Instrument } from '@klik/survey-model';
import type TestAgent from 'supertest/lib/agent';
import { validAnswers } from './answers';
import { createTestApp, login, safetyContact, seedInstitution, type SeededInstitution, type TestApp, unique } from './test-app';

/** A complete text pack for a licensed instrument, written from its structure (our own made-up wording). */
function packFor(instrument: Instrument, languages: ('nl' | 'en')[] = ['nl', 'en']) {
  const text = (language: string) => ({
    title: `${instrument.id} (${language})`,
    items: Object.fromEntries(instrument.items.map((item) => [item.id, `${language} wording of ${item.id}`])),
    scales: Object.fromEntries(
      instrument.scales.map((scale) => {
        const labels: Record<string, string> = {};
        for (let value = scale.min; value <= scale.max; value += scale.step ?? 1) labels[String(value)] = `${language} ${value}`;
        return [scale.id, labels];
      }),
    ),
    options: Object.fromEntries(
      instrument.items
        .filter((item) => item.kind === 'single' || item.kind === 'multi')
        .map((item) => [item.id, Object.fromEntries((item as { options: readonly (string | number)[] }).options.map((o) => [String(o), `${language} ${o}`]))]),
    ),
  });
  return {
    format: 'klik-text-pack@1',
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    languages,
    source: 'Test Institute, licence T-1',
    texts: Object.fromEntries(languages.map((language) => [language, text(language)])),
  };
}

describe('text packs for licensed instruments', () => {
  let t: TestApp;
  let home: SeededInstitution;
  let other: SeededInstitution;
  let admin: TestAgent;
  let researcher: TestAgent;
  const core10 = getInstrument('core-10', '1.0.0');
  const protocolWithCore10 = {
    timepoints: [
      {
        key: 'baseline',
        kind: 'baseline',
        label: { nl: 'Begin', en: 'Start' },
        instruments: [{ instrumentId: 'core-10', instrumentVersion: '1.0.0', respondent: 'client' }],
      },
    ],
  };

  beforeAll(async () => {
    t = await createTestApp();
    home = await seedInstitution(t.dataSource);
    other = await seedInstitution(t.dataSource);
    admin = t.agent();
    await login(admin, home.users.institution_admin.email);
    researcher = t.agent();
    await login(researcher, home.users.researcher.email);
  });
  afterAll(() => t.close());

  it('keeps a licensed instrument out of studies until the institution imports its wording, then shows it', async () => {
    const study = await researcher
      .post('/api/studies')
      .send({ title: unique('core'), languages: ['nl', 'en'], withdrawalPolicy: 'erase_responses', consentText: { nl: 'Ja', en: 'Yes' } })
      .expect(201);
    const refused = await researcher.put(`/api/studies/${study.body.id}/protocol`).send(protocolWithCore10).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'timepoints.0.instruments.0' });
    expect(refused.body.errors[0].messages[0]).toMatch(/text pack/);
    const before = (await researcher.get('/api/instruments').expect(200)).body.items.find((i: { id: string }) => i.id === 'core-10');
    expect(before.usable).toBe(false);

    const imported = await admin.post('/api/text-packs').send(packFor(core10)).expect(201);
    expect(imported.body).toMatchObject({ instrumentId: 'core-10', instrumentVersion: '1.0.0', languages: ['nl', 'en'] });
    await admin.post('/api/text-packs').send(packFor(core10)).expect(409);
    const after = (await researcher.get('/api/instruments').expect(200)).body.items.find((i: { id: string }) => i.id === 'core-10');
    expect(after.usable).toBe(true);

    const protocol = await researcher.put(`/api/studies/${study.body.id}/protocol`).send(protocolWithCore10).expect(200);
    const cohort = await researcher.post(`/api/studies/${study.body.id}/cohorts`).send({ name: 'Main' }).expect(201);
    await researcher.patch(`/api/studies/${study.body.id}`).send({ status: 'recruiting', ...(await safetyContact(researcher)) }).expect(200);
    const participant = await researcher.post(`/api/studies/${study.body.id}/participants`).send({ cohortId: cohort.body.id }).expect(201);
    const link = await researcher
      .post(`/api/studies/${study.body.id}/invitations`)
      .send({ participantId: participant.body.id, timepointId: protocol.body.timepoints[0].id })
      .expect(201);
    const browser = t.agent();
    await browser.get(`/take/${(link.body.url as string).split('/take/')[1]}`).expect(303);
    const state = await browser.get('/api/take/state').expect(200);
    expect(JSON.stringify(state.body.instruments[0].survey.en)).toContain('en wording of core10_1');
    await browser.post('/api/take/consent').send({ decision: 'given', consentVersion: 1, language: 'en' }).expect(200);
    await browser
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'en', responses: { 'core-10': validAnswers('core-10') } })
      .expect(201);
    await admin.delete(`/api/text-packs/${imported.body.id}`).expect(409);

    // Another institution neither sees the pack nor may use the instrument.
    const stranger = t.agent();
    await login(stranger, other.users.institution_admin.email);
    expect((await stranger.get('/api/text-packs').expect(200)).body.items).toEqual([]);
    const theirs = (await stranger.get('/api/instruments').expect(200)).body.items.find((i: { id: string }) => i.id === 'core-10');
    expect(theirs.usable).toBe(false);
  });

  it('lists every problem of a pack that does not fit, and stores nothing', async () => {
    const pack = packFor(getInstrument('wai-sr', '1.0.0'));
    delete (pack.texts.en.items as Record<string, string>)[Object.keys(pack.texts.en.items)[0]];
    (pack.texts.nl.items as Record<string, string>).unknown_item = 'x';
    const response = await admin.post('/api/text-packs').send(pack).expect(400);
    expect(response.body.code).toBe('text_pack_invalid');
    expect(response.body.errors[0].messages.length).toBeGreaterThanOrEqual(2);
    await admin.post('/api/text-packs').send({ ...pack, instrumentId: 'no-such' }).expect(400);
    await admin.post('/api/text-packs').send(packFor(getInstrument('phq-9', '1.0.0'))).expect(409);
    await researcher.post('/api/text-packs').send(packFor(getInstrument('wai-sr', '1.0.0'))).expect(403);
    const list = await admin.get('/api/text-packs').expect(200);
    expect(list.body.items.map((p: { instrumentId: string }) => p.instrumentId)).toEqual(['core-10']);
  });
});

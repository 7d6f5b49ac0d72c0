import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  safetyContact,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

const instrument = (instrumentId = 'phq-9', respondent = 'client') => ({
  instrumentId,
  instrumentVersion: '1.0.0',
  respondent,
});
const timepoint = (key: string, kind = 'baseline', extra: Record<string, unknown> = {}) => ({
  key,
  label: { nl: `nl ${key}`, en: `en ${key}` },
  kind,
  ...(kind === 'session' ? {} : { offsetDays: 0 }),
  instruments: [instrument()],
  ...extra,
});

describe('studies, consent versions, cohorts and protocol', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let practitioner: TestAgent;

  const draft = async (body: Record<string, unknown> = {}) =>
    (
      await researcher
        .post('/api/studies')
        .send({ title: unique('draft'), languages: ['nl', 'en'], withdrawalPolicy: 'erase_link', ...body })
        .expect(201)
    ).body as { id: string; title: string; status: string; currentConsentVersion: number | null };
  const count = async (table: string) =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('studies'));
    researcher = t.agent();
    practitioner = t.agent();
    await login(researcher, inst.users.researcher.email);
    await login(practitioner, inst.users.practitioner.email);
  });
  afterAll(() => t.close());

  describe('studies', () => {
    it('creates a draft, with consent version 1 when a consent text is given', async () => {
      const title = unique('Alliance study');
      const created = await researcher
        .post('/api/studies')
        .send({
          title: `  ${title}  `,
          description: 'About the alliance',
          languages: ['nl', 'en'],
          withdrawalPolicy: 'erase_responses',
          consentText: { nl: 'Ik stem in', en: 'I consent' },
        })
        .expect(201);
      expect(created.body).toMatchObject({
        // Issue 11: texts per language; one string means the same text in every language of the study.
        title: { nl: title, en: title },
        description: { nl: 'About the alliance', en: 'About the alliance' },
        formOfAddress: 'je',
        status: 'draft',
        languages: ['nl', 'en'],
        withdrawalPolicy: 'erase_responses',
        ownerInstitutionId: inst.institution.id,
        owned: true,
        currentConsentVersion: 1,
      });
      expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const plain = await draft();
      expect(plain.currentConsentVersion).toBeNull();
    });

    it('gets one study and lists them newest first; unknown and malformed ids are 404', async () => {
      const first = await draft();
      const second = await draft();
      const one = await researcher.get(`/api/studies/${first.id}`).expect(200);
      expect(one.body).toMatchObject({ id: first.id, title: first.title, status: 'draft' });
      const list = await researcher.get('/api/studies').expect(200);
      const ids = list.body.items.map((s: { id: string }) => s.id);
      expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
      expect((await researcher.get(`/api/studies/${randomUUID()}`).expect(404)).body.code).toBe('not_found');
      expect((await researcher.get('/api/studies/not-a-uuid').expect(404)).body.code).toBe('not_found');
    });

    it('edits title and description; practitioners may read but not create or edit', async () => {
      const study = await draft();
      const patched = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ title: 'New title', description: 'New description' })
        .expect(200);
      expect(patched.body).toMatchObject({
        title: { nl: 'New title', en: 'New title' },
        description: { nl: 'New description', en: 'New description' },
        status: 'draft',
      });
      await practitioner.get(`/api/studies/${study.id}`).expect(200);
      const denied = await practitioner.patch(`/api/studies/${study.id}`).send({ title: 'Nope' }).expect(403);
      expect(denied.body.code).toBe('forbidden');
      await practitioner
        .post('/api/studies')
        .send({ title: 'x', languages: ['en'], withdrawalPolicy: 'erase_link' })
        .expect(403);
    });

    it('draft → recruiting needs consent, a cohort and an instrument (409 study_not_ready, naming what is missing)', async () => {
      const study = await draft();
      const bare = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting' })
        .expect(409);
      expect(bare.body.code).toBe('study_not_ready');
      expect(bare.body.message).toMatch(/consent/);
      expect(bare.body.message).toMatch(/cohort/);
      expect(bare.body.message).toMatch(/instrument/);
      // Field errors name each missing piece, so the set-up page can put them beside their fields.
      expect(bare.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'consentText',
        'cohorts',
        'protocol',
      ]);

      await researcher
        .post(`/api/studies/${study.id}/consent-versions`)
        .send({ text: { nl: 'ja', en: 'yes' } })
        .expect(201);
      const noCohort = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting' })
        .expect(409);
      expect(noCohort.body.message).not.toMatch(/consent/);
      expect(noCohort.body.message).toMatch(/cohort/);

      await researcher.post(`/api/studies/${study.id}/cohorts`).send({ name: 'Only site' }).expect(201);
      const noProtocol = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting' })
        .expect(409);
      expect(noProtocol.body.message).toMatch(/instrument/);
      expect(noProtocol.body.message).not.toMatch(/cohort/);

      await researcher
        .put(`/api/studies/${study.id}/protocol`)
        .send({ timepoints: [timepoint('baseline')] })
        .expect(200);
      // PHQ-9 has a risk item (item 9): a safety contact as well (safety.spec.ts has the whole rule).
      const noContact = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting' })
        .expect(409);
      expect(noContact.body.code).toBe('safety_contact_required');
      const recruiting = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting', ...(await safetyContact(researcher)) })
        .expect(200);
      expect(recruiting.body.status).toBe('recruiting');
      const [row] = (await t.dataSource.query(`SELECT status FROM studies WHERE id = $1`, [study.id])) as {
        status: string;
      }[];
      expect(row.status).toBe('recruiting');
    });

    it('recruiting cannot go back to draft; closed is final', async () => {
      const { studyId } = await createRecruitingStudy(researcher);
      const back = await researcher.patch(`/api/studies/${studyId}`).send({ status: 'draft' }).expect(409);
      expect(back.body.code).toBe('invalid_status_change');
      await researcher.patch(`/api/studies/${studyId}`).send({ status: 'closed' }).expect(200);
      for (const status of ['draft', 'recruiting']) {
        const again = await researcher.patch(`/api/studies/${studyId}`).send({ status }).expect(409);
        expect(again.body.code).toBe('invalid_status_change');
      }
      expect((await researcher.get(`/api/studies/${studyId}`).expect(200)).body.status).toBe('closed');
      // A draft may be closed without ever recruiting.
      const other = await draft();
      await researcher.patch(`/api/studies/${other.id}`).send({ status: 'closed' }).expect(200);
      await researcher.patch(`/api/studies/${other.id}`).send({ status: 'recruiting' }).expect(409);
    });

    it('languages and withdrawal policy change only while draft', async () => {
      const study = await draft({ languages: ['nl'] });
      const edited = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ languages: ['en', 'nl'], withdrawalPolicy: 'erase_responses' })
        .expect(200);
      expect(edited.body).toMatchObject({ languages: ['en', 'nl'], withdrawalPolicy: 'erase_responses' });
      const { studyId } = await createRecruitingStudy(researcher);
      const languages = await researcher
        .patch(`/api/studies/${studyId}`)
        .send({ languages: ['nl'] })
        .expect(409);
      expect(languages.body.code).toBe('study_not_draft');
      const policy = await researcher
        .patch(`/api/studies/${studyId}`)
        .send({ withdrawalPolicy: 'erase_link' })
        .expect(409);
      expect(policy.body.code).toBe('study_not_draft');
      expect((await researcher.get(`/api/studies/${studyId}`).expect(200)).body).toMatchObject({
        languages: ['nl', 'en'],
        withdrawalPolicy: 'erase_responses',
      });
      // The title still changes while recruiting.
      await researcher
        .patch(`/api/studies/${studyId}`)
        .send({ title: 'Renamed while recruiting' })
        .expect(200);
    });

    it('a study cannot start recruiting with a consent text that misses one of its languages', async () => {
      const study = await draft({ languages: ['nl'], consentText: { nl: 'Toestemming' } });
      await researcher.post(`/api/studies/${study.id}/cohorts`).send({ name: 'Site' }).expect(201);
      await researcher
        .put(`/api/studies/${study.id}/protocol`)
        .send({ timepoints: [timepoint('baseline')] })
        .expect(200);
      await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ languages: ['nl', 'en'] })
        .expect(200);
      const start = await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting' })
        .expect(409);
      expect(start.body.code).toBe('study_not_ready');
      expect(start.body.message).toMatch(/\ben\b/);
      // The title was given for Dutch only (issue 11): it needs its English text too.
      expect(start.body.message).toContain('a title in en');
      expect(start.body.errors).toContainEqual({ field: 'title.en', messages: ['a title in en'] });
      await researcher
        .post(`/api/studies/${study.id}/consent-versions`)
        .send({ text: { nl: 'Toestemming', en: 'Consent' } })
        .expect(201);
      await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ title: { nl: 'Werkrelatie', en: 'Alliance' } })
        .expect(200);
      await researcher
        .patch(`/api/studies/${study.id}`)
        .send({ status: 'recruiting', ...(await safetyContact(researcher)) })
        .expect(200);
    });
  });

  describe('consent versions', () => {
    it('are append-only and numbered 1, 2, 3 per study, oldest first', async () => {
      const study = await draft({ consentText: { nl: 'v1', en: 'v1' } });
      const second = await researcher
        .post(`/api/studies/${study.id}/consent-versions`)
        .send({ text: { nl: 'v2', en: 'v2' } })
        .expect(201);
      expect(second.body).toMatchObject({ version: 2, text: { nl: 'v2', en: 'v2' } });
      await researcher
        .post(`/api/studies/${study.id}/consent-versions`)
        .send({ text: { nl: 'v3', en: 'v3' } })
        .expect(201);
      const list = await researcher.get(`/api/studies/${study.id}/consent-versions`).expect(200);
      expect(
        list.body.items.map((v: { version: number; text: { en: string } }) => [v.version, v.text.en]),
      ).toEqual([
        [1, 'v1'],
        [2, 'v2'],
        [3, 'v3'],
      ]);
      expect((await researcher.get(`/api/studies/${study.id}`).expect(200)).body.currentConsentVersion).toBe(
        3,
      );
      // Numbering is per study.
      const other = await draft({ consentText: { nl: 'a', en: 'a' } });
      expect(
        (await researcher.get(`/api/studies/${other.id}/consent-versions`).expect(200)).body.items[0].version,
      ).toBe(1);
      // No route edits or deletes a version.
      const versionId = list.body.items[0].id;
      for (const method of ['put', 'patch', 'delete'] as const) {
        const response = await researcher[method](
          `/api/studies/${study.id}/consent-versions/${versionId}`,
        ).send({ text: { nl: 'x', en: 'x' } });
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('route_not_found');
      }
      const [{ n }] = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM consent_versions WHERE study_id = $1`,
        [study.id],
      )) as {
        n: number;
      }[];
      expect(n).toBe(3);
    });

    it('must cover every language of the study (400 naming the missing one), and nothing is written', async () => {
      const before = await count('consent_versions');
      const study = await draft({ languages: ['nl'] });
      const created = await researcher
        .post('/api/studies')
        .send({
          title: unique('x'),
          languages: ['nl', 'en'],
          withdrawalPolicy: 'erase_link',
          consentText: { nl: 'alleen nl' },
        })
        .expect(400);
      expect(created.body.errors).toEqual([
        { field: 'consentText.en', messages: [expect.stringMatching(/en/)] },
      ]);
      const added = await researcher
        .post(`/api/studies/${study.id}/consent-versions`)
        .send({ text: { en: 'only en' } })
        .expect(400);
      expect(added.body.code).toBe('validation_failed');
      expect(added.body.errors.map((e: { field: string }) => e.field)).toEqual(['text.nl']);
      expect(await count('consent_versions')).toBe(before);
    });

    it('cannot be added to a closed study', async () => {
      const study = await draft();
      await researcher.patch(`/api/studies/${study.id}`).send({ status: 'closed' }).expect(200);
      const response = await researcher
        .post(`/api/studies/${study.id}/consent-versions`)
        .send({ text: { nl: 'x', en: 'x' } })
        .expect(409);
      expect(response.body.code).toBe('study_closed');
    });
  });

  describe('cohorts', () => {
    it('creates, lists by name, gets and renames; names are unique in a study (409)', async () => {
      const study = await draft();
      const b = await researcher
        .post(`/api/studies/${study.id}/cohorts`)
        .send({ name: 'Utrecht' })
        .expect(201);
      expect(b.body).toMatchObject({
        studyId: study.id,
        name: 'Utrecht',
        institutionId: inst.institution.id,
        institutionName: inst.institution.name,
      });
      await researcher.post(`/api/studies/${study.id}/cohorts`).send({ name: 'Amsterdam' }).expect(201);
      const list = await researcher.get(`/api/studies/${study.id}/cohorts`).expect(200);
      expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Amsterdam', 'Utrecht']);
      await researcher.get(`/api/studies/${study.id}/cohorts/${b.body.id}`).expect(200);

      const before = await count('cohorts');
      for (const name of ['Utrecht', '  Utrecht ']) {
        const duplicate = await researcher
          .post(`/api/studies/${study.id}/cohorts`)
          .send({ name })
          .expect(409);
        expect(duplicate.body.code).toBe('cohort_name_taken');
      }
      const rename = await researcher
        .patch(`/api/studies/${study.id}/cohorts/${b.body.id}`)
        .send({ name: 'Amsterdam' })
        .expect(409);
      expect(rename.body.code).toBe('cohort_name_taken');
      expect(await count('cohorts')).toBe(before);
      await researcher
        .patch(`/api/studies/${study.id}/cohorts/${b.body.id}`)
        .send({ name: 'Utrecht' })
        .expect(200);
      const renamed = await researcher
        .patch(`/api/studies/${study.id}/cohorts/${b.body.id}`)
        .send({ name: 'Utrecht Oost' })
        .expect(200);
      expect(renamed.body.name).toBe('Utrecht Oost');
      // The same name in another study is fine.
      const other = await draft();
      await researcher.post(`/api/studies/${other.id}/cohorts`).send({ name: 'Amsterdam' }).expect(201);
    });

    it('names differing only in case are the same name (the CSV import matches cohorts case-insensitively)', async () => {
      const study = await draft();
      const siteA = await researcher
        .post(`/api/studies/${study.id}/cohorts`)
        .send({ name: 'Site A' })
        .expect(201);
      const siteB = await researcher
        .post(`/api/studies/${study.id}/cohorts`)
        .send({ name: 'Site B' })
        .expect(201);
      const renamed = await researcher
        .patch(`/api/studies/${study.id}/cohorts/${siteA.body.id}`)
        .send({ name: 'SITE A' })
        .expect(200);
      expect(renamed.body.name).toBe('SITE A');
      await researcher
        .patch(`/api/studies/${study.id}/cohorts/${siteB.body.id}`)
        .send({ name: 'site a' })
        .expect(409);
      const clash = await researcher
        .post(`/api/studies/${study.id}/cohorts`)
        .send({ name: 'site a' })
        .expect(409);
      expect(clash.body.code).toBe('cohort_name_taken');
    });

    it('rejects an unknown institution, a closed study, unknown cohorts and practitioners', async () => {
      const study = await draft();
      const unknown = await researcher
        .post(`/api/studies/${study.id}/cohorts`)
        .send({ name: 'Partner', institutionId: randomUUID() })
        .expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'institutionId', messages: [expect.any(String)] }]);
      await researcher.get(`/api/studies/${study.id}/cohorts/${randomUUID()}`).expect(404);
      await researcher
        .patch(`/api/studies/${study.id}/cohorts/${randomUUID()}`)
        .send({ name: 'x' })
        .expect(404);
      await practitioner.post(`/api/studies/${study.id}/cohorts`).send({ name: 'x' }).expect(403);
      await researcher.patch(`/api/studies/${study.id}`).send({ status: 'closed' }).expect(200);
      const closed = await researcher
        .post(`/api/studies/${study.id}/cohorts`)
        .send({ name: 'Late' })
        .expect(409);
      expect(closed.body.code).toBe('study_closed');
    });
  });

  describe('protocol', () => {
    it('keeps the order of timepoints and instruments, and each timepoint keeps its id by key', async () => {
      const study = await draft();
      const first = await researcher
        .put(`/api/studies/${study.id}/protocol`)
        .send({
          timepoints: [
            timepoint('baseline', 'baseline', {
              instruments: [
                instrument('phq-9'),
                instrument('gad-7'),
                instrument('klik-session-log', 'practitioner'),
              ],
            }),
            timepoint('session', 'session'),
            timepoint('end', 'end', { offsetDays: 90 }),
          ],
        })
        .expect(200);
      expect(
        first.body.timepoints.map((tp: { key: string; position: number }) => [tp.key, tp.position]),
      ).toEqual([
        ['baseline', 1],
        ['session', 2],
        ['end', 3],
      ]);
      expect(
        first.body.timepoints[0].instruments.map((i: { instrumentId: string }) => i.instrumentId),
      ).toEqual(['phq-9', 'gad-7', 'klik-session-log']);
      expect(first.body.timepoints[0].instruments[2].respondent).toBe('practitioner');
      expect(first.body.timepoints[1].offsetDays).toBeNull();
      expect(first.body.timepoints[2].offsetDays).toBe(90);
      const ids = Object.fromEntries(
        first.body.timepoints.map((tp: { key: string; id: string }) => [tp.key, tp.id]),
      );

      const got = await researcher.get(`/api/studies/${study.id}/protocol`).expect(200);
      expect(got.body).toEqual(first.body);

      const second = await researcher
        .put(`/api/studies/${study.id}/protocol`)
        .send({
          timepoints: [
            timepoint('end', 'end', { offsetDays: 120 }),
            timepoint('follow-up', 'follow_up', { offsetDays: 365 }),
            timepoint('baseline', 'baseline', { instruments: [instrument('gad-7'), instrument('phq-9')] }),
          ],
        })
        .expect(200);
      expect(second.body.timepoints.map((tp: { key: string }) => tp.key)).toEqual([
        'end',
        'follow-up',
        'baseline',
      ]);
      expect(second.body.timepoints[0].id).toBe(ids.end);
      expect(second.body.timepoints[0].offsetDays).toBe(120);
      expect(second.body.timepoints[2].id).toBe(ids.baseline);
      expect(
        second.body.timepoints[2].instruments.map((i: { instrumentId: string }) => i.instrumentId),
      ).toEqual(['gad-7', 'phq-9']);
      expect(Object.values(ids)).not.toContain(second.body.timepoints[1].id);
      expect((await researcher.get(`/api/studies/${study.id}/protocol`).expect(200)).body).toEqual(
        second.body,
      );
      const [{ n }] = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM timepoints WHERE study_id = $1`,
        [study.id],
      )) as {
        n: number;
      }[];
      expect(n).toBe(3);
    });

    it('rejects duplicate keys, offsetDays on a session, missing labels and empty instrument lists with field paths', async () => {
      const study = await draft();
      await researcher
        .put(`/api/studies/${study.id}/protocol`)
        .send({ timepoints: [timepoint('baseline')] })
        .expect(200);
      const before = await researcher.get(`/api/studies/${study.id}/protocol`).expect(200);
      const cases: [unknown[], string][] = [
        [
          [timepoint('baseline'), timepoint('end', 'end'), timepoint('baseline', 'follow_up')],
          'timepoints.2.key',
        ],
        [
          [timepoint('baseline'), timepoint('session', 'session', { offsetDays: 7 })],
          'timepoints.1.offsetDays',
        ],
        [[{ ...timepoint('baseline'), label: { nl: 'alleen nl' } }], 'timepoints.0.label.en'],
        [[{ ...timepoint('baseline'), instruments: [] }], 'timepoints.0.instruments'],
        [
          [{ ...timepoint('baseline'), instruments: [{ ...instrument(), respondent: 'parent' }] }],
          'timepoints.0.instruments.0.respondent',
        ],
        [
          [{ ...timepoint('baseline'), instruments: [instrument(), instrument()] }],
          'timepoints.0.instruments.1',
        ],
        [[{ ...timepoint('Bad Key!') }], 'timepoints.0.key'],
      ];
      for (const [timepoints, field] of cases) {
        const response = await researcher.put(`/api/studies/${study.id}/protocol`).send({ timepoints });
        expect({ field, status: response.status, code: response.body.code }).toEqual({
          field,
          status: 400,
          code: 'validation_failed',
        });
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await researcher.get(`/api/studies/${study.id}/protocol`).expect(200)).body).toEqual(
        before.body,
      );
    });

    it('refuses to remove a timepoint that has invitations (409), but may reorder and extend it', async () => {
      const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher);
      const participant = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[0] })
        .expect(201);
      await researcher
        .post(`/api/studies/${studyId}/invitations`)
        .send({ participantId: participant.body.id, timepointId: timepointIds[0] })
        .expect(201);
      const protocol = (await researcher.get(`/api/studies/${studyId}/protocol`).expect(200)).body;
      const session = protocol.timepoints[1];
      const removal = await researcher
        .put(`/api/studies/${studyId}/protocol`)
        .send({
          timepoints: [
            { key: session.key, label: session.label, kind: session.kind, instruments: session.instruments },
          ],
        })
        .expect(409);
      expect(removal.body.code).toBe('timepoint_in_use');
      expect((await researcher.get(`/api/studies/${studyId}/protocol`).expect(200)).body).toEqual(protocol);
      const extended = await researcher
        .put(`/api/studies/${studyId}/protocol`)
        .send({
          timepoints: [
            timepoint('session', 'session'),
            timepoint('baseline'),
            timepoint('end', 'end', { offsetDays: 60 }),
          ],
        })
        .expect(200);
      expect(extended.body.timepoints.find((tp: { key: string }) => tp.key === 'baseline').id).toBe(
        timepointIds[0],
      );
    });

    it('is read by everyone in the institution but written only by admins and researchers; closed studies are frozen', async () => {
      const { studyId } = await createRecruitingStudy(researcher);
      await practitioner.get(`/api/studies/${studyId}/protocol`).expect(200);
      await practitioner
        .put(`/api/studies/${studyId}/protocol`)
        .send({ timepoints: [timepoint('baseline')] })
        .expect(403);
      await researcher.patch(`/api/studies/${studyId}`).send({ status: 'closed' }).expect(200);
      const closed = await researcher
        .put(`/api/studies/${studyId}/protocol`)
        .send({ timepoints: [timepoint('baseline'), timepoint('session', 'session')] })
        .expect(409);
      expect(closed.body.code).toBe('study_closed');
      await researcher.get(`/api/studies/${randomUUID()}/protocol`).expect(404);
    });
  });
});

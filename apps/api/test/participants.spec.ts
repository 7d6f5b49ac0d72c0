import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

const GENERATED_CODE = /^P-[A-HJ-NP-Z2-9]{8}$/;

describe('participants: enrolment one by one and from a CSV', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let other: SeededInstitution;
  let researcher: TestAgent;
  let studyId: string;
  let cohortIds: string[];

  const count = async (id = studyId) =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE study_id = $1`, [id])) as {
        n: number;
      }[]
    )[0].n;
  const upload = (content: Buffer | string, filename = 'enrol.csv', id = studyId) =>
    researcher.post(`/api/studies/${id}/participants/import`).attach('file', Buffer.from(content), filename);

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('enrol'));
    other = await seedInstitution(t.dataSource, unique('enrol-other'));
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    ({ studyId, cohortIds } = await createRecruitingStudy(researcher));
    // The CSVs below name the cohorts as createRecruitingStudy does.
    const cohorts = await researcher.get(`/api/studies/${studyId}/cohorts`).expect(200);
    expect(cohorts.body.items.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([
      [cohortIds[0], 'Site A'],
      [cohortIds[1], 'Site B'],
    ]);
  });
  afterAll(() => t.close());

  describe('one by one', () => {
    it('generates a pseudonymous code when none is given, and keeps an explicit one', async () => {
      const generated = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[0] })
        .expect(201);
      expect(generated.body).toMatchObject({
        studyId,
        cohortId: cohortIds[0],
        practitionerId: null,
        status: 'active',
      });
      expect(generated.body.code).toMatch(GENERATED_CODE);
      const explicit = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[1], code: 'UTR-0042', practitionerId: inst.users.practitioner.user.id })
        .expect(201);
      expect(explicit.body).toMatchObject({
        code: 'UTR-0042',
        cohortId: cohortIds[1],
        practitionerId: inst.users.practitioner.user.id,
      });
      const got = await researcher
        .get(`/api/studies/${studyId}/participants/${explicit.body.id}`)
        .expect(200);
      expect(got.body).toEqual(explicit.body);
    });

    it('refuses a duplicate code (409) and writes nothing', async () => {
      await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[0], code: 'DUP-001' })
        .expect(201);
      const before = await count();
      const duplicate = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[1], code: 'DUP-001' })
        .expect(409);
      expect(duplicate.body.code).toBe('code_taken');
      expect(await count()).toBe(before);
      // Codes are unique per study: another study may use the same code.
      const second = await createRecruitingStudy(researcher);
      await researcher
        .post(`/api/studies/${second.studyId}/participants`)
        .send({ cohortId: second.cohortIds[0], code: 'DUP-001' })
        .expect(201);
    });

    it('the practitioner must be a practitioner of the institution', async () => {
      const before = await count();
      for (const practitionerId of [
        inst.users.researcher.user.id,
        inst.users.institution_admin.user.id,
        other.users.practitioner.user.id,
        randomUUID(),
      ]) {
        const response = await researcher
          .post(`/api/studies/${studyId}/participants`)
          .send({ cohortId: cohortIds[0], practitionerId })
          .expect(400);
        expect(response.body.errors).toEqual([{ field: 'practitionerId', messages: [expect.any(String)] }]);
      }
      expect(await count()).toBe(before);
    });

    it('rejects a cohort of another study, a bad code and an unknown participant', async () => {
      const second = await createRecruitingStudy(researcher);
      const wrongCohort = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: second.cohortIds[0] })
        .expect(400);
      expect(wrongCohort.body.errors[0].field).toBe('cohortId');
      for (const code of ['ab', 'Jan Jansen', 'jan@example.org', 'x'.repeat(41), '-abc']) {
        const response = await researcher
          .post(`/api/studies/${studyId}/participants`)
          .send({ cohortId: cohortIds[0], code })
          .expect(400);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
      }
      await researcher.get(`/api/studies/${studyId}/participants/${randomUUID()}`).expect(404);
      await researcher.get(`/api/studies/${studyId}/participants/nope`).expect(404);
    });

    it('lists with a total and paging; limit and offset are checked', async () => {
      const all = await researcher.get(`/api/studies/${studyId}/participants?limit=1000`).expect(200);
      expect(all.body.total).toBe(all.body.items.length);
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      const page = await researcher.get(`/api/studies/${studyId}/participants?limit=1&offset=1`).expect(200);
      expect(page.body.items).toEqual([all.body.items[1]]);
      expect(page.body.total).toBe(all.body.total);
      for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'offset=-1', 'limit=1.5']) {
        const response = await researcher.get(`/api/studies/${studyId}/participants?${query}`).expect(400);
        expect(response.body.errors[0].field).toBe(query.split('=')[0]);
      }
    });

    it('a closed study takes no more participants (409)', async () => {
      const closed = await createRecruitingStudy(researcher);
      await researcher.patch(`/api/studies/${closed.studyId}`).send({ status: 'closed' }).expect(200);
      const one = await researcher
        .post(`/api/studies/${closed.studyId}/participants`)
        .send({ cohortId: closed.cohortIds[0] })
        .expect(409);
      expect(one.body.code).toBe('study_closed');
      const csv = await upload('cohort\nSite A\n', 'x.csv', closed.studyId).expect(409);
      expect(csv.body.code).toBe('study_closed');
      expect(await count(closed.studyId)).toBe(0);
    });
  });

  describe('CSV import', () => {
    it('enrols every row of a comma-separated file, generating missing codes and matching practitioners by e-mail', async () => {
      const before = await count();
      const practitionerEmail = inst.users.practitioner.email.toUpperCase();
      const response = await upload(
        `code,cohort,practitioner_email\nCSV-001,Site A,${practitionerEmail}\n,site b,\nCSV-002,${cohortIds[1]},\n`,
      ).expect(201);
      expect(response.body.created).toBe(3);
      const [first, second, third] = response.body.items;
      expect(first).toMatchObject({
        code: 'CSV-001',
        cohortId: cohortIds[0],
        practitionerId: inst.users.practitioner.user.id,
      });
      expect(second.code).toMatch(GENERATED_CODE);
      expect(second).toMatchObject({ cohortId: cohortIds[1], practitionerId: null });
      expect(third).toMatchObject({ code: 'CSV-002', cohortId: cohortIds[1] });
      expect(await count()).toBe(before + 3);
    });

    it('reads semicolons, a byte-order mark and CRLF line ends (a Dutch spreadsheet export)', async () => {
      const before = await count();
      const content = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('cohort;code\r\nSite B;SEMI-001\r\nSite A;SEMI-002\r\n', 'utf8'),
      ]);
      const response = await upload(content).expect(201);
      expect(
        response.body.items.map((p: { code: string; cohortId: string }) => [p.code, p.cohortId]),
      ).toEqual([
        ['SEMI-001', cohortIds[1]],
        ['SEMI-002', cohortIds[0]],
      ]);
      expect(await count()).toBe(before + 2);
    });

    it('reports every bad row with its number, column and reason, and enrols none of the file', async () => {
      await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[0], code: 'TAKEN-01' })
        .expect(201);
      const before = await count();
      const csv = [
        'code,cohort,practitioner_email',
        'OK-0001,Site A,', // row 2: fine on its own
        'OK-0002,Nowhere,', // row 3: unknown cohort
        'TWICE-01,Site A,', // row 4
        'TWICE-01,Site B,', // row 5: duplicate within the file
        'TAKEN-01,Site A,', // row 6: already enrolled
        `OK-0003,Site A,${inst.users.researcher.email}`, // row 7: not a practitioner
        `OK-0004,Site A,${other.users.practitioner.email}`, // row 8: practitioner elsewhere
        'Jan Jansen,Site A,', // row 9: not a code
        'OK-0005,,', // row 10: empty cohort
      ].join('\n');
      const response = await upload(csv).expect(400);
      expect(response.body.code).toBe('csv_invalid');
      expect(response.body.correlationId).toEqual(expect.any(String));
      expect(response.body.rows).toEqual([
        { row: 3, column: 'cohort', reason: expect.stringContaining('Nowhere') },
        { row: 5, column: 'code', reason: expect.stringContaining('row 4') },
        { row: 6, column: 'code', reason: expect.stringContaining('already enrolled') },
        { row: 7, column: 'practitioner_email', reason: expect.stringContaining('not a practitioner') },
        { row: 8, column: 'practitioner_email', reason: expect.stringContaining('not a practitioner') },
        { row: 9, column: 'code', reason: expect.stringMatching(/3 to 40/) },
        { row: 10, column: 'cohort', reason: expect.stringContaining('empty') },
      ]);
      expect(response.body.errors).toContainEqual({ field: 'row 3: cohort', messages: [expect.any(String)] });
      expect(await count()).toBe(before);
      const codes = (await t.dataSource.query(
        `SELECT code FROM participants WHERE study_id = $1 AND code LIKE 'OK-%'`,
        [studyId],
      )) as unknown[];
      expect(codes).toEqual([]);
    });

    it('a file that is not UTF-8 (Latin-1 é = 0xE9) is a 400 naming the encoding', async () => {
      const before = await count();
      const latin1 = Buffer.concat([
        Buffer.from('cohort,code\nSite A,Z'),
        Buffer.from([0xe9]),
        Buffer.from('LAND-1\n'),
      ]);
      const response = await upload(latin1).expect(400);
      expect(response.body.code).toBe('csv_invalid');
      expect(response.body.message).toMatch(/UTF-8/);
      expect(response.body.rows).toEqual([{ row: 0, column: 'file', reason: 'encoding' }]);
      expect(await count()).toBe(before);
    });

    it('names a missing required column and each unknown column', async () => {
      const before = await count();
      const missing = await upload('code,practitioner_email\nMISS-001,\n').expect(400);
      expect(missing.body.rows).toEqual([{ row: 1, column: 'cohort', reason: 'required column is missing' }]);
      const unknown = await upload('cohort,code,name,email\nSite A,UNK-0001,Jan,jan@example.org\n').expect(
        400,
      );
      expect(unknown.body.code).toBe('csv_invalid');
      expect(unknown.body.rows).toEqual([
        { row: 1, column: 'name', reason: expect.stringContaining('unknown column') },
        { row: 1, column: 'email', reason: expect.stringContaining('unknown column') },
      ]);
      expect(await count()).toBe(before);
    });

    it('an empty file, a header without rows, no file field, the wrong field and a JSON body are 400s', async () => {
      const before = await count();
      const empty = await upload('').expect(400);
      expect(empty.body.rows).toEqual([{ row: 0, column: 'file', reason: 'empty' }]);
      const headerOnly = await upload('cohort,code\n').expect(400);
      expect(headerOnly.body.rows).toEqual([{ row: 0, column: 'file', reason: 'no rows' }]);
      const noFile = await researcher
        .post(`/api/studies/${studyId}/participants/import`)
        .field('note', 'no file here')
        .expect(400);
      expect(noFile.body.errors).toEqual([{ field: 'file', messages: [expect.stringContaining('file')] }]);
      const wrongField = await researcher
        .post(`/api/studies/${studyId}/participants/import`)
        .attach('csv', Buffer.from('cohort\nSite A\n'), 'x.csv')
        .expect(400);
      expect(wrongField.body).toMatchObject({
        statusCode: 400,
        code: expect.any(String),
        message: expect.any(String),
      });
      const json = await researcher
        .post(`/api/studies/${studyId}/participants/import`)
        .send({ cohort: 'Site A' })
        .expect(400);
      expect(json.body.errors[0].field).toBe('file');
      expect(await count()).toBe(before);
    });

    it('more than 10 000 rows is a 400; a file over the 2 MB upload limit is a 413; neither writes anything', async () => {
      const before = await count();
      const csv = (n: number) =>
        `code,cohort\n${Array.from({ length: n }, (_, i) => `BIG-${String(i).padStart(6, '0')},Site A`).join('\n')}\n`;
      const tooMany = await upload(csv(10_001)).expect(400);
      expect(tooMany.body.rows).toEqual([{ row: 0, column: 'file', reason: 'too many rows' }]);
      const tooLarge = await upload(csv(150_000)).expect(413);
      expect(tooLarge.body.code).toBe('payload_too_large');
      expect(await count()).toBe(before);
    });
  });
});

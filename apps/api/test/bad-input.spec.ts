import { Logger } from '@nestjs/common';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { APP_ROLE } from '../src/database/migrations/1764400000001-row-level-security';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 2, "Bad input" and item 7: every kind of bad request is a 400 naming the field, and writes nothing;
 * unknown routes and ids are JSON 404s; an unexpected error is a logged 500 without a stack.
 */

interface Ids {
  draftId: string;
  studyId: string;
  cohortId: string;
  participantId: string;
  timepointId: string;
}

interface BadCase {
  name: string;
  agent?: 'researcher' | 'admin' | 'anonymous';
  method: 'post' | 'put' | 'patch';
  path: (ids: Ids) => string;
  /** The JSON body (a string is sent as it is). */
  body: unknown;
  /** The field the 400 must name (exactly, or as a prefix ending in `*`). */
  field: string;
  /** The table whose row count must not change. */
  table: string;
}

const study = { title: 'A valid title', languages: ['nl', 'en'], withdrawalPolicy: 'erase_link' };
const tp = (extra: Record<string, unknown> = {}) => ({
  key: 'baseline',
  label: { nl: 'Begin', en: 'Start' },
  kind: 'baseline',
  offsetDays: 0,
  instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
  ...extra,
});
/** A title nested 5000 arrays deep, as raw JSON (too deep for JSON.stringify in Jest's sandbox). */
const DEEP = `{"title":${'['.repeat(5000)}"x"${']'.repeat(5000)},"languages":["nl"],"withdrawalPolicy":"erase_link"}`;

const CASES: BadCase[] = [
  // Wrong types
  {
    name: 'title is a number',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, title: 42 },
    field: 'title',
    table: 'studies',
  },
  {
    name: 'languages is a string',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, languages: 'nl' },
    field: 'languages',
    table: 'studies',
  },
  {
    name: 'consentText is a string',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, consentText: 'yes' },
    field: 'consentText',
    table: 'studies',
  },
  {
    name: 'consent text.nl is a number',
    method: 'post',
    path: (i) => `/api/studies/${i.draftId}/consent-versions`,
    body: { text: { nl: 5, en: 'x' } },
    field: 'text.nl',
    table: 'consent_versions',
  },
  {
    name: 'cohortId is a number',
    method: 'post',
    path: (i) => `/api/studies/${i.studyId}/participants`,
    body: { cohortId: 123 },
    field: 'cohortId',
    table: 'participants',
  },
  {
    name: 'code is a number',
    method: 'post',
    path: (i) => `/api/studies/${i.studyId}/participants`,
    body: { cohortId: '', code: 42 },
    field: 'code',
    table: 'participants',
  },
  {
    name: 'offsetDays is a string',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: [tp({ offsetDays: '7' })] },
    field: 'timepoints.0.offsetDays',
    table: 'timepoints',
  },
  {
    name: 'timepoints is a string',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: 'baseline' },
    field: 'timepoints',
    table: 'timepoints',
  },
  {
    name: 'sessionNumber is a string',
    method: 'post',
    path: (i) => `/api/studies/${i.studyId}/invitations`,
    body: { participantId: '', timepointId: '', sessionNumber: '1' },
    field: 'sessionNumber',
    table: 'invitations',
  },
  {
    name: 'cohort name is a number',
    method: 'post',
    path: (i) => `/api/studies/${i.draftId}/cohorts`,
    body: { name: 5 },
    field: 'name',
    table: 'cohorts',
  },
  {
    name: 'login email is a number',
    agent: 'anonymous',
    method: 'post',
    path: () => '/api/auth/login',
    body: { email: 5, password: 'x' },
    field: 'email',
    table: 'sessions',
  },
  // Unknown fields (forbidNonWhitelisted), at the top and nested
  {
    name: 'unknown field on a study',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, owner: 'me' },
    field: 'owner',
    table: 'studies',
  },
  {
    name: 'institutionId cannot be chosen for a study',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, institutionId: '00000000-0000-4000-8000-000000000000' },
    field: 'institutionId',
    table: 'studies',
  },
  {
    name: 'unknown language in consentText',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, consentText: { nl: 'a', en: 'b', fr: 'c' } },
    field: 'consentText.fr',
    table: 'studies',
  },
  {
    name: 'unknown field in a timepoint',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: [tp({ colour: 'red' })] },
    field: 'timepoints.0.colour',
    table: 'timepoints',
  },
  {
    name: 'a name next to a participant code',
    method: 'post',
    path: (i) => `/api/studies/${i.studyId}/participants`,
    body: { cohortId: '', name: 'Jan Jansen' },
    field: 'name',
    table: 'participants',
  },
  {
    name: 'an e-mail next to a participant code',
    method: 'post',
    path: (i) => `/api/studies/${i.studyId}/participants`,
    body: { cohortId: '', email: 'jan@example.org' },
    field: 'email',
    table: 'participants',
  },
  {
    name: 'a token for an invitation',
    method: 'post',
    path: (i) => `/api/studies/${i.studyId}/invitations`,
    body: { participantId: '', timepointId: '', token: 'mine' },
    field: 'token',
    table: 'invitations',
  },
  {
    name: 'ownerInstitutionId in a study PATCH',
    method: 'patch',
    path: (i) => `/api/studies/${i.draftId}`,
    body: { ownerInstitutionId: '00000000-0000-4000-8000-000000000000' },
    field: 'ownerInstitutionId',
    table: 'studies',
  },
  {
    name: 'unknown field on login',
    agent: 'anonymous',
    method: 'post',
    path: () => '/api/auth/login',
    body: { email: 'a@b.nl', password: 'x', remember: true },
    field: 'remember',
    table: 'sessions',
  },
  // Over-long and empty strings
  {
    name: 'title of 201 characters',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, title: 'x'.repeat(201) },
    field: 'title',
    table: 'studies',
  },
  {
    name: 'empty title',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, title: '' },
    field: 'title',
    table: 'studies',
  },
  {
    name: 'description of 5001 characters',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, description: 'x'.repeat(5001) },
    field: 'description',
    table: 'studies',
  },
  {
    name: 'title of 201 characters in a PATCH',
    method: 'patch',
    path: (i) => `/api/studies/${i.draftId}`,
    body: { title: 'y'.repeat(201) },
    field: 'title',
    table: 'studies',
  },
  {
    name: 'cohort name of 121 characters',
    method: 'post',
    path: (i) => `/api/studies/${i.draftId}/cohorts`,
    body: { name: 'c'.repeat(121) },
    field: 'name',
    table: 'cohorts',
  },
  {
    name: 'timepoint label of 121 characters',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: [tp({ label: { nl: 'l'.repeat(121), en: 'x' } })] },
    field: 'timepoints.0.label.nl',
    table: 'timepoints',
  },
  {
    name: 'display name of 121 characters',
    agent: 'admin',
    method: 'post',
    path: () => '/api/users',
    body: { email: 'long@example.org', displayName: 'd'.repeat(121), role: 'researcher' },
    field: 'displayName',
    table: 'users',
  },
  {
    name: 'password of 11 characters',
    agent: 'admin',
    method: 'post',
    path: () => '/api/users',
    body: { email: 'short@example.org', displayName: 'Short', role: 'researcher', password: 'x'.repeat(11) },
    field: 'password',
    table: 'users',
  },
  {
    name: 'a NUL character in a title',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, title: 'nul\u0000title' },
    field: 'title',
    table: 'studies',
  },
  {
    name: 'a NUL character in a cohort name',
    method: 'post',
    path: (i) => `/api/studies/${i.draftId}/cohorts`,
    body: { name: 'Site\u0000' },
    field: 'name',
    table: 'cohorts',
  },
  // Invalid enum values
  {
    name: 'unknown withdrawal policy',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, withdrawalPolicy: 'delete_everything' },
    field: 'withdrawalPolicy',
    table: 'studies',
  },
  {
    name: 'unknown status',
    method: 'patch',
    path: (i) => `/api/studies/${i.draftId}`,
    body: { status: 'paused' },
    field: 'status',
    table: 'studies',
  },
  {
    name: 'unknown timepoint kind',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: [tp({ kind: 'weekly' })] },
    field: 'timepoints.0.kind',
    table: 'timepoints',
  },
  {
    name: 'unknown respondent',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: {
      timepoints: [
        tp({ instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'parent' }] }),
      ],
    },
    field: 'timepoints.0.instruments.0.respondent',
    table: 'timepoints',
  },
  {
    name: 'unknown role',
    agent: 'admin',
    method: 'post',
    path: () => '/api/users',
    body: { email: 'role@example.org', displayName: 'Role', role: 'owner' },
    field: 'role',
    table: 'users',
  },
  {
    name: 'not an e-mail address',
    agent: 'admin',
    method: 'post',
    path: () => '/api/users',
    body: { email: 'not-an-email', displayName: 'Mail', role: 'researcher' },
    field: 'email',
    table: 'users',
  },
  {
    name: 'institutionId that is not a UUID',
    method: 'post',
    path: (i) => `/api/studies/${i.draftId}/cohorts`,
    body: { name: 'Partner', institutionId: 'abc' },
    field: 'institutionId',
    table: 'cohorts',
  },
  // Arrays with wrong members
  {
    name: 'an unknown language',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, languages: ['nl', 'de'] },
    field: 'languages',
    table: 'studies',
  },
  {
    name: 'a number among the languages',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, languages: ['nl', 5] },
    field: 'languages',
    table: 'studies',
  },
  {
    name: 'a language twice',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, languages: ['nl', 'nl'] },
    field: 'languages',
    table: 'studies',
  },
  {
    name: 'no languages',
    method: 'post',
    path: () => '/api/studies',
    body: { ...study, languages: [] },
    field: 'languages',
    table: 'studies',
  },
  {
    name: 'a string among the timepoints',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: [tp(), 'end'] },
    field: 'timepoints.1',
    table: 'timepoints',
  },
  {
    name: 'null among the instruments',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: [tp({ instruments: [null] })] },
    field: 'timepoints.0.instruments.0',
    table: 'timepoints',
  },
  {
    name: '51 timepoints',
    method: 'put',
    path: (i) => `/api/studies/${i.draftId}/protocol`,
    body: { timepoints: Array.from({ length: 51 }, (_, n) => tp({ key: `t${n}` })) },
    field: 'timepoints',
    table: 'timepoints',
  },
  // Structure
  {
    name: 'JSON nested 5000 levels deep',
    method: 'post',
    path: () => '/api/studies',
    body: DEEP,
    field: 'title.*',
    table: 'studies',
  },
  {
    name: 'an array instead of an object',
    method: 'post',
    path: () => '/api/studies',
    body: [study],
    field: 'title',
    table: 'studies',
  },
  {
    name: 'a required field missing',
    method: 'post',
    path: () => '/api/studies',
    body: { languages: ['nl'], withdrawalPolicy: 'erase_link' },
    field: 'title',
    table: 'studies',
  },
];

describe('bad input', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let agents: Record<'researcher' | 'admin' | 'anonymous', TestAgent>;
  let ids: Ids;

  const count = async (table: string) =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`)) as { n: number }[])[0].n;
  const snapshot = async () =>
    (await t.dataSource.query(`SELECT title, status, languages, updated_at FROM studies WHERE id = $1`, [
      ids.draftId,
    ])) as unknown[];
  const expectCleanError = (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({
      statusCode: status,
      code: expect.any(String),
      message: expect.any(String),
    });
    expect(response.body.correlationId).toBe(response.headers['x-request-id']);
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  };

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('bad-input'));
    agents = { researcher: t.agent(), admin: t.agent(), anonymous: t.agent() };
    await login(agents.researcher, inst.users.researcher.email);
    await login(agents.admin, inst.users.institution_admin.email);
    const draft = await agents.researcher
      .post('/api/studies')
      .send({ ...study, title: unique('draft') })
      .expect(201);
    const recruiting = await createRecruitingStudy(agents.researcher);
    const participant = await agents.researcher
      .post(`/api/studies/${recruiting.studyId}/participants`)
      .send({ cohortId: recruiting.cohortIds[0] })
      .expect(201);
    ids = {
      draftId: draft.body.id,
      studyId: recruiting.studyId,
      cohortId: recruiting.cohortIds[0],
      participantId: participant.body.id,
      timepointId: recruiting.timepointIds[0],
    };
  });
  afterAll(() => t.close());

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s → 400 naming the field, nothing written',
    async (_name, c) => {
      const withIds =
        typeof c.body === 'string'
          ? c.body
          : (JSON.parse(
              JSON.stringify(c.body)
                .replace(/"cohortId":""/, `"cohortId":"${ids.cohortId}"`)
                .replace(/"participantId":""/, `"participantId":"${ids.participantId}"`)
                .replace(/"timepointId":""/, `"timepointId":"${ids.timepointId}"`),
            ) as object);
      const before = { rows: await count(c.table), draft: await snapshot() };
      const response = await agents[c.agent ?? 'researcher']
        [c.method](c.path(ids))
        .set('content-type', 'application/json')
        .send(withIds);
      expectCleanError(response, 400);
      expect(response.body.code).toBe('validation_failed');
      const fields = (response.body.errors as { field: string; messages: string[] }[]).map((e) => e.field);
      if (c.field.endsWith('*')) expect(fields.some((f) => f.startsWith(c.field.slice(0, -1)))).toBe(true);
      else expect(fields).toContain(c.field);
      for (const error of response.body.errors) expect(error.messages.length).toBeGreaterThan(0);
      expect({ rows: await count(c.table), draft: await snapshot() }).toEqual(before);
    },
  );

  it('a well-formed request at the limits is accepted (the 400s above are about the bad part only)', async () => {
    await agents.researcher
      .post('/api/studies')
      .send({ ...study, title: 'x'.repeat(200), description: 'd'.repeat(5000) })
      .expect(201);
    await agents.researcher
      .post(`/api/studies/${ids.draftId}/cohorts`)
      .send({ name: 'c'.repeat(120) })
      .expect(201);
  });

  it.each([
    ['POST', '/api/studies', '{"title": "x",'],
    ['POST', '/api/studies', "{'title': 'single quotes'}"],
    ['PUT', '/protocol', '{"timepoints": [}'],
    ['POST', '/participants', 'null'],
    ['PATCH', '', '{"title": "x"} trailing'],
  ])('malformed JSON (%s %s) → 400 malformed_json, nothing written', async (method, suffix, raw) => {
    const path = suffix.startsWith('/api')
      ? suffix
      : `/api/studies/${suffix === '/participants' ? ids.studyId : ids.draftId}${suffix}`;
    const tables = ['studies', 'timepoints', 'participants'];
    const before = [await Promise.all(tables.map(count)), await snapshot()];
    const response = await agents.researcher[method.toLowerCase() as 'post' | 'put' | 'patch'](path)
      .set('content-type', 'application/json')
      .send(raw);
    expectCleanError(response, 400);
    expect(response.body.code).toBe('malformed_json');
    expect([await Promise.all(tables.map(count)), await snapshot()]).toEqual(before);
  });

  it('a body over 1 MB → 413, an unsupported charset → 415', async () => {
    const big = await agents.researcher
      .post('/api/studies')
      .send({ ...study, description: 'x'.repeat(1_100_000) });
    expectCleanError(big, 413);
    expect(big.body.code).toBe('payload_too_large');
    const charset = await agents.researcher
      .post('/api/studies')
      .set('content-type', 'application/json; charset=latin1')
      .send('{}');
    expectCleanError(charset, 415);
  });

  it('unknown routes are JSON 404 route_not_found, also for unknown methods and when HTML is asked for', async () => {
    for (const [method, path] of [
      ['get', '/api/nope'],
      ['post', '/api/studies/x/y/z'],
      ['delete', `/api/studies/${ids.draftId}`],
      ['put', `/api/studies/${ids.draftId}/consent-versions`],
      ['get', '/api/studies/../../etc/passwd'],
    ] as const) {
      const response = await agents.researcher[method](path).set('accept', 'text/html');
      expectCleanError(response, 404);
      expect(response.body.code).toBe('route_not_found');
    }
    const anonymous = await agents.anonymous.get('/api/nope');
    expectCleanError(anonymous, 404);
  });

  it('a malformed id in the path is the same JSON 404 as an unknown id', async () => {
    const { draftId, studyId } = ids;
    for (const [method, path, what] of [
      ['get', '/api/studies/123', 'Study'],
      ['patch', '/api/studies/not-a-uuid', 'Study'],
      ['get', `/api/studies/${draftId}x/cohorts`, 'Study'],
      ['get', `/api/studies/${draftId}/cohorts/%27%20OR%201=1`, 'Cohort'],
      ['get', `/api/studies/${studyId}/participants/0`, 'Participant'],
      ['post', `/api/studies/${studyId}/invitations/abc/revoke`, 'Invitation'],
    ] as const) {
      const response = await agents.researcher[method](path).send(
        method === 'patch' ? { title: 'x' } : undefined,
      );
      expectCleanError(response, 404);
      expect(response.body).toMatchObject({ code: 'not_found', message: `${what} not found` });
    }
    const user = await agents.admin.patch('/api/users/nobody/role').send({ role: 'researcher' });
    expectCleanError(user, 404);
  });

  it('no session → JSON 401', async () => {
    const response = await agents.anonymous.get('/api/studies');
    expectCleanError(response, 401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('an unexpected error is a logged 500 internal_error with the correlation id and no stack or SQL in the body', async () => {
    // A real failure, no mocks: the application role loses its SELECT grant on studies for one request.
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const typeormLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    let response: Response;
    try {
      await t.dataSource.query(`REVOKE SELECT ON studies FROM ${APP_ROLE}`);
      response = await agents.researcher.get('/api/studies').set('x-request-id', 'trace-500-abcdef');
    } finally {
      await t.dataSource.query(`GRANT SELECT ON studies TO ${APP_ROLE}`);
    }
    const calls = logged.mock.calls.map((call) => call.map(String).join(' '));
    logged.mockRestore();
    typeormLog.mockRestore();
    expectCleanError(response, 500);
    expect(response.body).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: expect.stringContaining('correlation id'),
      correlationId: 'trace-500-abcdef',
    });
    expect(response.text).not.toMatch(/permission|denied|studies|select|stack|QueryFailedError/i);
    expect(calls.some((line) => line.includes('trace-500-abcdef') && /permission denied/i.test(line))).toBe(
      true,
    );
    // And the API is fine again afterwards.
    await agents.researcher.get('/api/studies').expect(200);
  });
});

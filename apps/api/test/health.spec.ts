import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, login, seedInstitution, type SeededInstitution, type TestApp } from './test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource);
  });
  afterAll(() => t.close());

  it('tells anyone only whether the service is ok: no database version, migrations or Klik version (issue 10)', async () => {
    const anonymous = await t.agent().get('/api/health').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    expect(anonymous.text).not.toMatch(/postgres|pglite|\d+\.\d+/i);
    for (const role of ['researcher', 'practitioner'] as const) {
      const agent = t.agent();
      await login(agent, inst.users[role].email);
      expect((await agent.get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
    }
  });

  it('shows an institution admin the database kind actually in use, current migrations and the package version', async () => {
    const admin = t.agent();
    await login(admin, inst.users.institution_admin.email);
    const response = await admin.get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.database.kind).toBe(process.env.KLIK_TEST_DB_KIND);
    expect(response.body.database.serverVersion).toMatch(/PostgreSQL \d+/);
    expect(response.body.database.migrations).toEqual({ current: true, pending: [] });
    const rootPackage = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    expect(response.body.version).toBe(rootPackage.version);
  });

  it('needs no login and sets no-referrer', async () => {
    const response = await t.agent().get('/api/health').expect(200);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the database kind actually in use, current migrations and the package version', async () => {
    const response = await t.agent().get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.database.kind).toBe(process.env.KLIK_TEST_DB_KIND);
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

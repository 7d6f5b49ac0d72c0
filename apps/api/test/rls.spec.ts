import { APP_ROLE } from '../src/database/migrations/1764400000001-row-level-security';
import { ALL_TENANT_TABLES } from '../src/database/tenant-tables';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';
import { Client, type PgClient } from './pg-client';

/**
 * The row-level security set-up itself (issue 2, item 6), checked in the catalogue and by running SQL as the
 * application role. Runs the same on PGlite and PostgreSQL.
 */
describe('row-level security', () => {
  let t: TestApp;
  let instA: SeededInstitution;
  let instB: SeededInstitution;
  let bStudy: { studyId: string; cohortIds: string[] };

  const query = <T>(sql: string, params: unknown[] = []) => t.dataSource.query(sql, params) as Promise<T[]>;

  /** Runs `work` over a plain pg connection in a transaction as klik_app for `institutionId`, then rolls back. */
  async function asTenant<T>(
    institutionId: string | null,
    work: (client: PgClient) => Promise<T>,
  ): Promise<T> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      if (institutionId)
        await client.query(`SELECT set_config('klik.institution_id', $1, true)`, [institutionId]);
      await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
      const { rows } = await client.query<{ role: string }>(`SELECT current_user AS role`);
      expect(rows[0].role).toBe(APP_ROLE);
      return await work(client);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  }

  /** The error a statement raises as the tenant (the transaction is rolled back afterwards). */
  async function failure(institutionId: string, sql: string, params: unknown[] = []): Promise<string> {
    return asTenant(institutionId, async (client) => {
      try {
        await client.query(sql, params);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`expected this statement to fail: ${sql}`);
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    instA = await seedInstitution(t.dataSource, unique('rls-a'));
    instB = await seedInstitution(t.dataSource, unique('rls-b'));
    for (const inst of [instA, instB]) {
      const agent = t.agent();
      await login(agent, inst.users.researcher.email);
      const study = await createRecruitingStudy(agent);
      for (const cohortId of study.cohortIds) {
        await agent.post(`/api/studies/${study.studyId}/participants`).send({ cohortId }).expect(201);
      }
      if (inst === instB) bStudy = study;
    }
  });
  afterAll(() => t.close());

  it('every tenant table (ALL_TENANT_TABLES: the RLS migration and later ones) has RLS enabled and a policy', async () => {
    const rows = await query<{ table: string; rls: boolean; policies: number }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls,
              (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname)::int AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($1)
        ORDER BY c.relname`,
      [[...ALL_TENANT_TABLES]],
    );
    expect(rows.map((row) => row.table).sort()).toEqual([...ALL_TENANT_TABLES].sort());
    for (const row of rows) {
      expect({ table: row.table, rls: row.rls, hasPolicy: row.policies > 0 }).toEqual({
        table: row.table,
        rls: true,
        hasPolicy: true,
      });
    }
  });

  it('every table with an institution_id column is a tenant table (a new one without RLS fails here)', async () => {
    const rows = await query<{ table: string }>(
      `SELECT DISTINCT c.table_name AS table
         FROM information_schema.columns c JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'institution_id' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(ALL_TENANT_TABLES.length);
    expect(rows.map((row) => row.table).filter((table) => !ALL_TENANT_TABLES.includes(table))).toEqual([]);
    // And the other way round: every tenant table carries the column the policies are written against.
    expect(rows.map((row) => row.table).sort()).toEqual([...ALL_TENANT_TABLES].sort());
  });

  it(`role ${APP_ROLE} is no superuser, cannot bypass RLS or log in, and owns nothing`, async () => {
    const [role] = await query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      `SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1`,
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const owned = await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(owned).toEqual([]);
    const tables = await query<{ tableowner: string }>(
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables.map((row) => row.tableowner)).not.toContain(APP_ROLE);
  });

  it("as A, selecting participants returns only A's rows", async () => {
    const [{ total, mine }] = await query<{ total: number; mine: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE institution_id = $1)::int AS mine FROM participants`,
      [instA.institution.id],
    );
    expect(total).toBeGreaterThan(mine);
    expect(mine).toBe(2);
    const { rows } = await asTenant(instA.institution.id, (client) =>
      client.query<{ institution_id: string }>(`SELECT institution_id FROM participants`),
    );
    expect(rows).toHaveLength(mine);
    expect(new Set(rows.map((row) => row.institution_id))).toEqual(new Set([instA.institution.id]));
    // Studies and cohorts of B are just as invisible (A takes no part in B's study).
    const { rows: studies } = await asTenant(instA.institution.id, (client) =>
      client.query(
        `SELECT id FROM studies WHERE id = $1 UNION ALL SELECT id FROM cohorts WHERE study_id = $1`,
        [bStudy.studyId],
      ),
    );
    expect(studies).toEqual([]);
  });

  it('without a tenant set, the application role sees no tenant rows at all', async () => {
    const counts = await asTenant(null, async (client) => {
      const out: Record<string, number> = {};
      for (const table of ALL_TENANT_TABLES) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
        out[table] = rows[0].n;
      }
      return out;
    });
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it("as A, inserting a row with B's institution_id fails with an RLS error", async () => {
    const message = await failure(
      instA.institution.id,
      `INSERT INTO participants (institution_id, study_id, cohort_id, code, created_by_id) VALUES ($1, $2, $3, $4, $5)`,
      [
        instB.institution.id,
        bStudy.studyId,
        bStudy.cohortIds[0],
        'RLS-INTRUDER',
        instA.users.researcher.user.id,
      ],
    );
    expect(message).toMatch(/row-level security/i);
    const cohort = await failure(
      instA.institution.id,
      `INSERT INTO cohorts (institution_id, study_id, name) VALUES ($1, $2, 'intruder')`,
      [instA.institution.id, bStudy.studyId],
    );
    expect(cohort).toMatch(/row-level security/i);
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants WHERE code = 'RLS-INTRUDER'`,
    );
    expect(n).toBe(0);
  });

  it("as A, updating or deleting B's rows changes 0 rows", async () => {
    const results = await asTenant(instA.institution.id, async (client) => ({
      participants: (
        await client.query(`UPDATE participants SET status = 'withdrawn' WHERE institution_id = $1`, [
          instB.institution.id,
        ])
      ).rowCount,
      studies: (await client.query(`UPDATE studies SET title = '{"nl": "hijacked"}' WHERE id = $1`, [bStudy.studyId]))
        .rowCount,
      deleted: (
        await client.query(`DELETE FROM invitations WHERE institution_id = $1`, [instB.institution.id])
      ).rowCount,
      // The same statements do reach A's own rows: the 0s above are the policy, not a broken WHERE.
      own: (
        await client.query(`UPDATE participants SET status = status WHERE institution_id = $1`, [
          instA.institution.id,
        ])
      ).rowCount,
    }));
    expect(results).toEqual({ participants: 0, studies: 0, deleted: 0, own: 2 });
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants WHERE institution_id = $1 AND status = 'active'`,
      [instB.institution.id],
    );
    expect(n).toBe(2);
  });

  it('the application role cannot read users.password_hash, nor write institutions', async () => {
    expect(await failure(instA.institution.id, `SELECT password_hash FROM users LIMIT 1`)).toMatch(
      /permission denied/i,
    );
    expect(await failure(instA.institution.id, `SELECT * FROM users LIMIT 1`)).toMatch(/permission denied/i);
    expect(await failure(instA.institution.id, `SELECT token_hash FROM sessions LIMIT 1`)).toMatch(
      /permission denied/i,
    );
    expect(
      await failure(instA.institution.id, `INSERT INTO institutions (name, slug) VALUES ('x', $1)`, [
        unique('x'),
      ]),
    ).toMatch(/permission denied/i);
    // What it may read of users: names for staff lists.
    const { rows } = await asTenant(instA.institution.id, (client) =>
      client.query(`SELECT id, email, display_name FROM users WHERE id = $1`, [
        instA.users.researcher.user.id,
      ]),
    );
    expect(rows).toHaveLength(1);
  });

  it("eligible_participants (who counts) keeps row-level security: as A it shows A's active participants only", async () => {
    const [{ withdrawn }] = await query<{ withdrawn: string }>(
      `UPDATE participants SET status = 'withdrawn'
        WHERE id = (SELECT id FROM participants WHERE institution_id = $1 ORDER BY id LIMIT 1) RETURNING id AS withdrawn`,
      [instA.institution.id],
    );
    try {
      const seen = await asTenant(
        instA.institution.id,
        async (client) =>
          (
            await client.query<{ id: string; institution_id: string; status: string }>(
              `SELECT id, institution_id, status FROM eligible_participants`,
            )
          ).rows,
      );
      const [{ active }] = await query<{ active: number }>(
        `SELECT count(*)::int AS active FROM participants WHERE institution_id = $1 AND status = 'active'`,
        [instA.institution.id],
      );
      expect(seen).toHaveLength(active);
      expect(
        seen.every((row) => row.institution_id === instA.institution.id && row.status === 'active'),
      ).toBe(true);
      expect(seen.map((row) => row.id)).not.toContain(withdrawn);
      expect(
        await asTenant(
          null,
          async (client) => (await client.query(`SELECT id FROM eligible_participants`)).rows,
        ),
      ).toEqual([]);
    } finally {
      await query(`UPDATE participants SET status = 'active' WHERE id = $1`, [withdrawn]);
    }
  });

  it("users are under RLS: as A, the application role reads A's staff only, never B's e-mail addresses", async () => {
    const seen = await asTenant(
      instA.institution.id,
      async (client) =>
        (await client.query<{ id: string; email: string }>(`SELECT id, email FROM users`)).rows,
    );
    expect(seen.map((u) => u.id).sort()).toEqual(
      Object.values(instA.users)
        .map((u) => u.user.id)
        .sort(),
    );
    const text = JSON.stringify(seen);
    for (const user of Object.values(instB.users)) expect(text).not.toContain(user.email);
    // Asking for B's staff by id or address, or through a join, finds nothing.
    const direct = await asTenant(
      instA.institution.id,
      async (client) =>
        (
          await client.query(`SELECT email FROM users WHERE id = $1 OR email = $2`, [
            instB.users.researcher.user.id,
            instB.users.institution_admin.email,
          ])
        ).rows,
    );
    expect(direct).toEqual([]);
    const none = await asTenant(null, async (client) => (await client.query(`SELECT id FROM users`)).rows);
    expect(none).toEqual([]);
    const [{ rls }] = await query<{ rls: boolean }>(
      `SELECT relrowsecurity AS rls FROM pg_class WHERE relname = 'users'`,
    );
    expect(rls).toBe(true);
  });
});

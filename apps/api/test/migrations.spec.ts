import { createTestApp, type TestApp } from './test-app';

async function tableNames(t: TestApp): Promise<string[]> {
  const rows = (await t.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )) as { table_name: string }[];
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('agree with the entities: after migrating, TypeORM finds nothing to change', async () => {
    const diff = await t.dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('are reversible: every migration goes down cleanly and up again to the same schema', async () => {
    const before = await tableNames(t);
    expect(before).toEqual(expect.arrayContaining(['studies', 'participants', 'invitations']));
    const applied = t.dataSource.migrations.length;
    for (let i = 0; i < applied; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tableNames(t)).toEqual(['typeorm_migrations']);
    const policies = (await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_policies WHERE schemaname = 'public'`)) as {
      n: number;
    }[];
    expect(policies[0].n).toBe(0);

    const ran = await t.dataSource.runMigrations({ transaction: 'each' });
    expect(ran).toHaveLength(applied);
    expect(await tableNames(t)).toEqual(before);
    const diff = await t.dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries).toHaveLength(0);
  });
});

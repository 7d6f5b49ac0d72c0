import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database role the API switches to (SET LOCAL ROLE) for every tenant-scoped transaction. */
export const APP_ROLE = 'klik_app';

/** Tables whose rows belong to exactly one institution (column institution_id). */
export const TENANT_TABLES = [
  'memberships',
  'staff_invitations',
  'studies',
  'consent_versions',
  'cohorts',
  'timepoints',
  'timepoint_instruments',
  'participants',
  'invitations',
] as const;

/** Owned by the study's institution, readable by the institutions that run a cohort in the study. */
const STUDY_DEFINITION_TABLES = ['consent_versions', 'timepoints', 'timepoint_instruments'];
/** Strictly private to the owning institution. */
const PRIVATE_TABLES = ['memberships', 'staff_invitations', 'participants', 'invitations'];

/**
 * Row-level security. The API connects as the tables' owner (which bypasses RLS) and, in each tenant-scoped
 * transaction, runs `SET LOCAL ROLE klik_app` plus `set_config('klik.institution_id', …, true)`. The role neither
 * owns the tables nor has BYPASSRLS, so the policies below decide what it sees. Helper functions that need to
 * look across institutions (who owns a study, does my institution take part in it) are SECURITY DEFINER, which
 * also avoids recursive policies between studies and cohorts.
 */
export class RowLevelSecurity1764400000001 implements MigrationInterface {
  name = 'RowLevelSecurity1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
        END IF;
      END $$`);
    await queryRunner.query(`GRANT ${APP_ROLE} TO CURRENT_USER`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`
      CREATE FUNCTION klik_current_institution() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('klik.institution_id', true), '')::uuid $$`);
    await queryRunner.query(`
      CREATE FUNCTION klik_study_owner(study uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp
      AS $$ SELECT institution_id FROM studies WHERE id = study $$`);
    await queryRunner.query(`
      CREATE FUNCTION klik_takes_part(study uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp
      AS $$ SELECT EXISTS (SELECT 1 FROM cohorts WHERE study_id = study AND institution_id = klik_current_institution()) $$`);
    for (const fn of ['klik_current_institution()', 'klik_study_owner(uuid)', 'klik_takes_part(uuid)']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`);
    }

    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${APP_ROLE}`);
    }
    await queryRunner.query(`GRANT SELECT ON "institutions" TO ${APP_ROLE}`);
    // Staff names for lists; never the password hash or lock-out state.
    await queryRunner.query(`GRANT SELECT ("id", "email", "display_name", "status") ON "users" TO ${APP_ROLE}`);

    const mine = 'institution_id = klik_current_institution()';
    await queryRunner.query(`CREATE POLICY tenant_read ON "studies" FOR SELECT USING (${mine} OR klik_takes_part(id))`);
    await queryRunner.query(`CREATE POLICY tenant_insert ON "studies" FOR INSERT WITH CHECK (${mine})`);
    await queryRunner.query(`CREATE POLICY tenant_update ON "studies" FOR UPDATE USING (${mine}) WITH CHECK (${mine})`);
    await queryRunner.query(`CREATE POLICY tenant_delete ON "studies" FOR DELETE USING (${mine})`);

    for (const table of STUDY_DEFINITION_TABLES) {
      await queryRunner.query(
        `CREATE POLICY tenant_read ON "${table}" FOR SELECT USING (${mine} OR klik_takes_part(study_id))`,
      );
      await queryRunner.query(`CREATE POLICY tenant_insert ON "${table}" FOR INSERT WITH CHECK (${mine})`);
      await queryRunner.query(`CREATE POLICY tenant_update ON "${table}" FOR UPDATE USING (${mine}) WITH CHECK (${mine})`);
      await queryRunner.query(`CREATE POLICY tenant_delete ON "${table}" FOR DELETE USING (${mine})`);
    }

    const studyMine = 'klik_study_owner(study_id) = klik_current_institution()';
    await queryRunner.query(`CREATE POLICY tenant_read ON "cohorts" FOR SELECT USING (${mine} OR ${studyMine})`);
    await queryRunner.query(`CREATE POLICY tenant_insert ON "cohorts" FOR INSERT WITH CHECK (${studyMine})`);
    await queryRunner.query(
      `CREATE POLICY tenant_update ON "cohorts" FOR UPDATE USING (${mine} OR ${studyMine}) WITH CHECK (${studyMine} OR ${mine})`,
    );
    await queryRunner.query(`CREATE POLICY tenant_delete ON "cohorts" FOR DELETE USING (${studyMine})`);

    for (const table of PRIVATE_TABLES) {
      await queryRunner.query(`CREATE POLICY tenant_all ON "${table}" FOR ALL USING (${mine}) WITH CHECK (${mine})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      for (const policy of ['tenant_read', 'tenant_insert', 'tenant_update', 'tenant_delete', 'tenant_all']) {
        await queryRunner.query(`DROP POLICY IF EXISTS ${policy} ON "${table}"`);
      }
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`REVOKE ALL ON "institutions" FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON "users" FROM ${APP_ROLE}`);
    await queryRunner.query(`DROP FUNCTION klik_takes_part(uuid)`);
    await queryRunner.query(`DROP FUNCTION klik_study_owner(uuid)`);
    await queryRunner.query(`DROP FUNCTION klik_current_institution()`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself is cluster-wide and may serve other Klik databases on the same server: it stays.
  }
}

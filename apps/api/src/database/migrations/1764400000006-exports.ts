import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** Tenant tables of the export (issue 6); both private to their institution. */
export const EXPORT_TENANT_TABLES = ['study_export_secrets', 'exports'] as const;

/**
 * De-identified exports: participant attributes (age band, gender) as quasi-identifiers, the per-study export
 * secret (HMAC key of the pseudonyms) and the export jobs with their files, hashes and k-anonymity report.
 */
export class Exports1764400000006 implements MigrationInterface {
  name = 'Exports1764400000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "attributes" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE TABLE "study_export_secrets" ("study_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "secret" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_STUDY_EXPORT_SECRETS" PRIMARY KEY ("study_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "options" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "rows_done" integer NOT NULL DEFAULT '0', "rows_total" integer NOT NULL DEFAULT '0', "row_count" integer, "files" jsonb NOT NULL DEFAULT '[]', "report" jsonb, "error" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_EXPORTS" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cf9fd11f3db10a39abd634f536" ON "study_export_secrets"  ("institution_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a38d0913af3f74370d01e78577" ON "exports"  ("institution_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_96c8378dda2c475a2a3244ac63" ON "exports"  ("study_id", "created_at")`,
    );
    for (const table of EXPORT_TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${APP_ROLE}`);
      await queryRunner.query(
        `CREATE POLICY tenant_all ON "${table}" FOR ALL USING (institution_id = klik_current_institution()) WITH CHECK (institution_id = klik_current_institution())`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of EXPORT_TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_all ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`DROP INDEX "public"."IDX_96c8378dda2c475a2a3244ac63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a38d0913af3f74370d01e78577"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cf9fd11f3db10a39abd634f536"`);
    await queryRunner.query(`DROP TABLE "exports"`);
    await queryRunner.query(`DROP TABLE "study_export_secrets"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "attributes"`);
  }
}

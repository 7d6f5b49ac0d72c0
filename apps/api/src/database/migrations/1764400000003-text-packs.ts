import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/**
 * Text packs: the wording of licensed instruments, private to the institution that imported it. Participants of a
 * partner cohort answer the study owner's instruments, so `klik_study_text_pack` (SECURITY DEFINER) hands out the
 * owner's pack for a study, and only to an institution that owns the study or runs a cohort in it.
 */
export class TextPacks1764400000003 implements MigrationInterface {
  name = 'TextPacks1764400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "text_packs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "instrument_id" character varying(60) NOT NULL, "instrument_version" character varying(20) NOT NULL, "languages" character varying(2) array NOT NULL, "source" character varying(500) NOT NULL, "pack" jsonb NOT NULL, "imported_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53120ef1a0a48b4eab501fb2402" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b4f31ecc1fa2be8fc24b1773e3" ON "text_packs"  ("institution_id", "instrument_id", "instrument_version")`);
    await queryRunner.query(`ALTER TABLE "text_packs" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "text_packs" TO ${APP_ROLE}`);
    await queryRunner.query(
      `CREATE POLICY tenant_all ON "text_packs" FOR ALL USING (institution_id = klik_current_institution()) WITH CHECK (institution_id = klik_current_institution())`,
    );
    await queryRunner.query(`
      CREATE FUNCTION klik_study_text_pack(study uuid, instrument text, version text) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        SELECT p.pack FROM text_packs p JOIN studies s ON s.institution_id = p.institution_id
        WHERE s.id = study AND p.instrument_id = instrument AND p.instrument_version = version
          AND (s.institution_id = klik_current_institution() OR klik_takes_part(study))
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION klik_study_text_pack(uuid, text, text) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION klik_study_text_pack(uuid, text, text) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION klik_study_text_pack(uuid, text, text)`);
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_all ON "text_packs"`);
    await queryRunner.query(`REVOKE ALL ON "text_packs" FROM ${APP_ROLE}`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b4f31ecc1fa2be8fc24b1773e3"`);
    await queryRunner.query(`DROP TABLE "text_packs"`);
  }
}

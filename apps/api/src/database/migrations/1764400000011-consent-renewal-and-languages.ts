import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 (consent asked again, everything in the client's language, no answer lost):
 * - `studies.title` and `studies.description` become per-language texts (jsonb `{ "nl": …, "en": … }`); an existing
 *   text moves to the study's first language (an empty description becomes `{}`);
 * - `studies.form_of_address`: how the study's Dutch texts address the participant, `je` (the participant pages'
 *   wording) or `u`;
 * - `consent_versions.requires_reconsent`: publishing this version asks everyone who consented to an older one again;
 * - `withdrawals.reason`: `requested`, or `consent_declined` when the participant declined renewed consent;
 * - `responses.item_writes`: per answered item, which participant session wrote it last and with which sequence
 *   number, so a late-arriving older save cannot overwrite a newer answer (take/progress-merge.ts).
 */
export class ConsentRenewalAndLanguages1764400000011 implements MigrationInterface {
  name = 'ConsentRenewalAndLanguages1764400000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "studies" ALTER COLUMN "title" TYPE jsonb USING jsonb_build_object("languages"[1], "title")`,
    );
    await queryRunner.query(`ALTER TABLE "studies" ALTER COLUMN "description" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "studies" ALTER COLUMN "description" TYPE jsonb USING
         CASE WHEN "description" = '' THEN '{}'::jsonb ELSE jsonb_build_object("languages"[1], "description") END`,
    );
    await queryRunner.query(`ALTER TABLE "studies" ALTER COLUMN "description" SET DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "studies" ADD "form_of_address" character varying(2) NOT NULL DEFAULT 'je'`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_versions" ADD "requires_reconsent" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "withdrawals" ADD "reason" character varying(32) NOT NULL DEFAULT 'requested'`,
    );
    await queryRunner.query(`ALTER TABLE "responses" ADD "item_writes" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "responses" DROP COLUMN "item_writes"`);
    await queryRunner.query(`ALTER TABLE "withdrawals" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "consent_versions" DROP COLUMN "requires_reconsent"`);
    await queryRunner.query(`ALTER TABLE "studies" DROP COLUMN "form_of_address"`);
    // Back to one text: the first language's, else another (a transform expression cannot hold a subquery).
    const one = (column: string) =>
      `COALESCE("${column}" ->> "languages"[1], "${column}" ->> 'nl', "${column}" ->> 'en', '')`;
    await queryRunner.query(`ALTER TABLE "studies" ALTER COLUMN "description" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "studies" ALTER COLUMN "description" TYPE text USING ${one('description')}`,
    );
    await queryRunner.query(`ALTER TABLE "studies" ALTER COLUMN "description" SET DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "studies" ALTER COLUMN "title" TYPE character varying(200) USING left(${one('title')}, 200)`,
    );
  }
}

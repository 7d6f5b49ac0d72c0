import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables for institutions, staff accounts and sessions, studies, cohorts, protocols, participants and invitations. */
export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(120) NOT NULL, "password_hash" character varying(255), "status" character varying(16) NOT NULL DEFAULT 'active', "failed_login_count" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "active_institution_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions"  ("user_id")`);
    await queryRunner.query(`CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "slug" character varying(60) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b0e3a0e4d706e0baaa5a7c65f22" UNIQUE ("slug"), CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "studies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "languages" character varying(2) array NOT NULL, "withdrawal_policy" character varying(32) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b100ff0c4a0ad02a9c2270d45b6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8dfa03b436049bded53317d3e8" ON "studies"  ("institution_id")`);
    await queryRunner.query(`CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2a3e2601abf87d63ce2635e06f" ON "cohorts"  ("institution_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c1ac3dba0da8e981a404986dee" ON "cohorts"  ("study_id", "name")`);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7c1e2fdfed4f6838e0c05ae505" ON "memberships"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6d75c53a4ba74dc648439fc7d0" ON "memberships"  ("institution_id", "user_id")`);
    await queryRunner.query(`CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "practitioner_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'active', "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" uuid NOT NULL, CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cbea52bebbda4dfd5d0a00edb7" ON "participants"  ("institution_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_306e6263d9fdb1d4206c138469" ON "participants"  ("study_id", "code")`);
    await queryRunner.query(`CREATE TABLE "timepoint_instruments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "timepoint_id" uuid NOT NULL, "position" integer NOT NULL, "instrument_id" character varying(60) NOT NULL, "instrument_version" character varying(20) NOT NULL, "respondent" character varying(16) NOT NULL, CONSTRAINT "PK_fb7130df1cd2e0be846055048b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c806ec7523f3f09a34420f3cb0" ON "timepoint_instruments"  ("timepoint_id", "position")`);
    await queryRunner.query(`CREATE TABLE "timepoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "position" integer NOT NULL, "key" character varying(60) NOT NULL, "label" jsonb NOT NULL, "kind" character varying(16) NOT NULL, "offset_days" integer, CONSTRAINT "PK_ac71d3ff68e2a39784cced9319f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fcf9594b37d0bba3bc26107402" ON "timepoints"  ("study_id", "key")`);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "timepoint_id" uuid NOT NULL, "session_number" integer, "token_hash" character(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_872ac94a64b3d44fc4b554780cd" UNIQUE ("token_hash"), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7a7c064b5da5051320cac09912" ON "invitations"  ("institution_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_e23987f5f1949382a6afdd3752" ON "invitations"  ("participant_id", "timepoint_id", "session_number")`);
    await queryRunner.query(`CREATE TABLE "consent_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "version" integer NOT NULL, "text" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f11e8982dbcf6f1693771253930" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a5ad79c134e3f9eb297986b812" ON "consent_versions"  ("study_id", "version")`);
    await queryRunner.query(`CREATE TABLE "staff_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "token_hash" character(64) NOT NULL, "invited_by_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e5f1be5d7c89f8c3348ef16ced2" UNIQUE ("token_hash"), CONSTRAINT "PK_842e5346c92d8003bdb2140b6c8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "studies" ADD CONSTRAINT "FK_8dfa03b436049bded53317d3e8b" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohorts" ADD CONSTRAINT "FK_2a3e2601abf87d63ce2635e06f8" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohorts" ADD CONSTRAINT "FK_06aeb11aac0af2cbb1b45385943" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_2623a56ad1c7c4cb757721584ac" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "FK_58116ceaaf48d1bd426fb334a39" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participants" ADD CONSTRAINT "FK_dec0f45e3137be378c222af9e3f" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "timepoint_instruments" ADD CONSTRAINT "FK_10e837470adfc4aa4273e76406d" FOREIGN KEY ("timepoint_id") REFERENCES "timepoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "timepoints" ADD CONSTRAINT "FK_2569cadf9f38c6e7815171a6e4f" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_ce8234ea9beba9ad1f69afcaf01" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_8f9afe323fb36ec6c88ec91046e" FOREIGN KEY ("timepoint_id") REFERENCES "timepoints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consent_versions" ADD CONSTRAINT "FK_ffac1fbcbf26a53fb7b165a5bee" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" ADD CONSTRAINT "FK_02b583acff7cf8a787c80e83f46" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" ADD CONSTRAINT "FK_22802f1b9ba6a6c757db786ad59" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_invitations" DROP CONSTRAINT "FK_22802f1b9ba6a6c757db786ad59"`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" DROP CONSTRAINT "FK_02b583acff7cf8a787c80e83f46"`);
    await queryRunner.query(`ALTER TABLE "consent_versions" DROP CONSTRAINT "FK_ffac1fbcbf26a53fb7b165a5bee"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_8f9afe323fb36ec6c88ec91046e"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_ce8234ea9beba9ad1f69afcaf01"`);
    await queryRunner.query(`ALTER TABLE "timepoints" DROP CONSTRAINT "FK_2569cadf9f38c6e7815171a6e4f"`);
    await queryRunner.query(`ALTER TABLE "timepoint_instruments" DROP CONSTRAINT "FK_10e837470adfc4aa4273e76406d"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_dec0f45e3137be378c222af9e3f"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_58116ceaaf48d1bd426fb334a39"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_2623a56ad1c7c4cb757721584ac"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_06aeb11aac0af2cbb1b45385943"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_2a3e2601abf87d63ce2635e06f8"`);
    await queryRunner.query(`ALTER TABLE "studies" DROP CONSTRAINT "FK_8dfa03b436049bded53317d3e8b"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`DROP TABLE "staff_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a5ad79c134e3f9eb297986b812"`);
    await queryRunner.query(`DROP TABLE "consent_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e23987f5f1949382a6afdd3752"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a7c064b5da5051320cac09912"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fcf9594b37d0bba3bc26107402"`);
    await queryRunner.query(`DROP TABLE "timepoints"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c806ec7523f3f09a34420f3cb0"`);
    await queryRunner.query(`DROP TABLE "timepoint_instruments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_306e6263d9fdb1d4206c138469"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cbea52bebbda4dfd5d0a00edb7"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6d75c53a4ba74dc648439fc7d0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c1e2fdfed4f6838e0c05ae505"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1ac3dba0da8e981a404986dee"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2a3e2601abf87d63ce2635e06f"`);
    await queryRunner.query(`DROP TABLE "cohorts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8dfa03b436049bded53317d3e8"`);
    await queryRunner.query(`DROP TABLE "studies"`);
    await queryRunner.query(`DROP TABLE "institutions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** Tenant tables of the participant journey; every one is private to its institution. */
export const JOURNEY_TENANT_TABLES = [
  'participant_sessions',
  'consent_records',
  'responses',
  'scores',
  'submissions',
  'withdrawals',
] as const;

/** The participant journey: sessions on invitation links, consent records, responses, scores, submissions, withdrawals. */
export class ParticipantJourney1764400000002 implements MigrationInterface {
  name = 'ParticipantJourney1764400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "timepoint_id" uuid NOT NULL, "session_number" integer, "invitation_id" uuid, "respondent" character varying(16) NOT NULL, "respondent_user_id" uuid, "instrument_id" character varying(60) NOT NULL, "instrument_version" character varying(20) NOT NULL, "language" character varying(2) NOT NULL, "answers" jsonb NOT NULL, "page_index" integer NOT NULL DEFAULT '0', "status" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_be3bdac59bd243dff421ad7bf70" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7fee1227ac7c8d405eae5cd7e5" ON "responses"  ("institution_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_5b53ae981671ba4164ae74053b" ON "responses"  ("invitation_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_51e3c2a16cbadce820e069c93c" ON "responses"  ("participant_id", "timepoint_id", "session_number")`);
    await queryRunner.query(`CREATE TABLE "scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "response_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "timepoint_id" uuid NOT NULL, "session_number" integer, "respondent" character varying(16) NOT NULL, "instrument_id" character varying(60) NOT NULL, "instrument_version" character varying(20) NOT NULL, "scoring_version" character varying(20) NOT NULL, "total" double precision, "status" character varying(16) NOT NULL, "missing_reason" character varying(40), "band" character varying(40), "caseness" boolean, "missing_count" integer NOT NULL, "prorated" boolean NOT NULL, "subscales" jsonb NOT NULL, "derived" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b79dc82f5f8f8ec0fe281ab2006" UNIQUE ("response_id"), CONSTRAINT "PK_c36917e6f26293b91d04b8fd521" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f05d9cdc554244ba5bbca722c2" ON "scores"  ("institution_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_f171adf71fd4c50a5354d86289" ON "scores"  ("participant_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_a03f5afd8119a83fd24c8513ea" ON "scores"  ("study_id", "instrument_id", "timepoint_id")`);
    await queryRunner.query(`CREATE TABLE "consent_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "invitation_id" uuid NOT NULL, "consent_version_id" uuid NOT NULL, "consent_version" integer NOT NULL, "decision" character varying(10) NOT NULL, "language" character varying(2) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_030be152eaa44998166470b2ccc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_64a95a3499f388eb876b9d676c" ON "consent_records"  ("participant_id", "decided_at")`);
    await queryRunner.query(`CREATE TABLE "participant_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "invitation_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "language" character varying(2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_d05075f569137a6ca1ed8570874" UNIQUE ("token_hash"), CONSTRAINT "PK_49b00d474ff837e5436740c5e4e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_79dda809f53c96ce96f7de0b74" ON "participant_sessions"  ("institution_id")`);
    await queryRunner.query(`CREATE TABLE "submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "invitation_id" uuid NOT NULL, "idempotency_key" character varying(100) NOT NULL, "request_hash" character(64) NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4bce6275d047481aa8a516693c" ON "submissions"  ("invitation_id", "idempotency_key")`);
    await queryRunner.query(`CREATE TABLE "withdrawals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "policy" character varying(32) NOT NULL, "requested_by" character varying(16) NOT NULL, "recorded_by_id" uuid, "erased_responses" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9871ec481baa7755f8bd8b7c7e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "participant_sessions" ADD CONSTRAINT "FK_7ae76ebf4169429b08a5bef48ea" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const table of JOURNEY_TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${APP_ROLE}`);
      await queryRunner.query(
        `CREATE POLICY tenant_all ON "${table}" FOR ALL USING (institution_id = klik_current_institution()) WITH CHECK (institution_id = klik_current_institution())`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of JOURNEY_TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_all ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`ALTER TABLE "participant_sessions" DROP CONSTRAINT "FK_7ae76ebf4169429b08a5bef48ea"`);
    await queryRunner.query(`DROP TABLE "withdrawals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4bce6275d047481aa8a516693c"`);
    await queryRunner.query(`DROP TABLE "submissions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79dda809f53c96ce96f7de0b74"`);
    await queryRunner.query(`DROP TABLE "participant_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_64a95a3499f388eb876b9d676c"`);
    await queryRunner.query(`DROP TABLE "consent_records"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a03f5afd8119a83fd24c8513ea"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f171adf71fd4c50a5354d86289"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f05d9cdc554244ba5bbca722c2"`);
    await queryRunner.query(`DROP TABLE "scores"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51e3c2a16cbadce820e069c93c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b53ae981671ba4164ae74053b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7fee1227ac7c8d405eae5cd7e5"`);
    await queryRunner.query(`DROP TABLE "responses"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** Private to the participant's institution: the signals its staff are told of. */
export const SAFETY_TENANT_TABLES = ['safety_signals'] as const;

/**
 * The help text existing studies start with, as the code's default was when this migration was written
 * (studies/study-safety.ts); a migration keeps its own copy so that it means the same thing later.
 */
const HELP_TEXT = {
  nl:
    'Heb je het moeilijk of denk je aan zelfdoding? Praat erover met 113 Zelfmoordpreventie: bel 113 of gratis ' +
    '0800-0113, of chat via 113.nl. Bij direct gevaar: bel 112.',
  en:
    'Are you having a hard time, or thinking about suicide? Talk to 113 Suicide Prevention: call 113, or ' +
    '0800-0113 free of charge, or chat at 113.nl. In immediate danger: call 112.',
};

/**
 * Issue 11, risk items are acted on: `safety_signals` (one per submitted answer set that endorsed a risk item,
 * under row-level security like every tenant table), a safety contact and help text per study, a safety contact
 * per (partner) cohort, and staff messages in the outbox (no invitation or timepoint; a recipient and a signal).
 */
export class SafetySignals1764400000010 implements MigrationInterface {
  name = 'SafetySignals1764400000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "safety_signals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "safety_contact_user_id" uuid, "invitation_id" uuid, "response_id" uuid, "score_id" uuid, "instrument_id" character varying(60) NOT NULL, "instrument_version" character varying(20) NOT NULL, "items" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "acknowledged_by_id" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "note" character varying(1000), "escalated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8320f7f4b63ba15572fb85d9f14" UNIQUE ("response_id"), CONSTRAINT "PK_8c3fc8e980d6ebe2c6a8a3f1ee2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_61335d0020d6a9d3b9a0682325" ON "safety_signals"  ("institution_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_27fc4fcc2861e4980d8e8974ce" ON "safety_signals"  ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_96d33f870a7fbb43369bd8750b" ON "safety_signals"  ("invitation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5bc4c8ecc3275da2872273020f" ON "safety_signals"  ("status", "created_at") `);
    await queryRunner.query(`ALTER TABLE "safety_signals" ADD CONSTRAINT "FK_27fc4fcc2861e4980d8e8974ce9" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "safety_signals" ADD CONSTRAINT "FK_96d33f870a7fbb43369bd8750b3" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "safety_signals" ADD CONSTRAINT "FK_8320f7f4b63ba15572fb85d9f14" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "safety_signals" ADD CONSTRAINT "FK_39736d42b023c9297799ddf8132" FOREIGN KEY ("score_id") REFERENCES "scores"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "safety_signals" ADD CONSTRAINT "FK_9ad18efbd025aad807f084f1610" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);

    await queryRunner.query(`ALTER TABLE "studies" ADD "safety_contact_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "studies" ADD "safety_help_text" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "studies" SET "safety_help_text" = $1::jsonb`, [JSON.stringify(HELP_TEXT)]);
    await queryRunner.query(`ALTER TABLE "cohorts" ADD "safety_contact_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "studies" ADD CONSTRAINT "FK_62e20299864703034f1f1213307" FOREIGN KEY ("safety_contact_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohorts" ADD CONSTRAINT "FK_566936772efa92ddbf50a7b54aa" FOREIGN KEY ("safety_contact_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);

    // Staff messages: no invitation or timepoint; to whom and about which signal. Kinds grow past 16 characters.
    await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "invitation_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "timepoint_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "kind" TYPE character varying(24)`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "recipient_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "safety_signal_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f8b991a95f707f3a1f74bbcbf9" ON "outbox_messages"  ("safety_signal_id", "kind", "recipient_user_id") `);

    for (const table of SAFETY_TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      // No DELETE: a signal is a care record; it goes only with its participant (the foreign key, as the owner).
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON "${table}" TO ${APP_ROLE}`);
      await queryRunner.query(
        `CREATE POLICY tenant_all ON "${table}" FOR ALL USING (institution_id = klik_current_institution()) WITH CHECK (institution_id = klik_current_institution())`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of SAFETY_TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_all ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`DROP INDEX "public"."IDX_f8b991a95f707f3a1f74bbcbf9"`);
    await queryRunner.query(`DELETE FROM "outbox_messages" WHERE "invitation_id" IS NULL OR "timepoint_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "safety_signal_id"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "recipient_user_id"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "kind" TYPE character varying(16)`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "timepoint_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "invitation_id" SET NOT NULL`);

    await queryRunner.query(`ALTER TABLE "cohorts" DROP CONSTRAINT "FK_566936772efa92ddbf50a7b54aa"`);
    await queryRunner.query(`ALTER TABLE "studies" DROP CONSTRAINT "FK_62e20299864703034f1f1213307"`);
    await queryRunner.query(`ALTER TABLE "cohorts" DROP COLUMN "safety_contact_user_id"`);
    await queryRunner.query(`ALTER TABLE "studies" DROP COLUMN "safety_help_text"`);
    await queryRunner.query(`ALTER TABLE "studies" DROP COLUMN "safety_contact_user_id"`);

    await queryRunner.query(`ALTER TABLE "safety_signals" DROP CONSTRAINT "FK_9ad18efbd025aad807f084f1610"`);
    await queryRunner.query(`ALTER TABLE "safety_signals" DROP CONSTRAINT "FK_39736d42b023c9297799ddf8132"`);
    await queryRunner.query(`ALTER TABLE "safety_signals" DROP CONSTRAINT "FK_8320f7f4b63ba15572fb85d9f14"`);
    await queryRunner.query(`ALTER TABLE "safety_signals" DROP CONSTRAINT "FK_96d33f870a7fbb43369bd8750b3"`);
    await queryRunner.query(`ALTER TABLE "safety_signals" DROP CONSTRAINT "FK_27fc4fcc2861e4980d8e8974ce9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5bc4c8ecc3275da2872273020f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_96d33f870a7fbb43369bd8750b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27fc4fcc2861e4980d8e8974ce"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61335d0020d6a9d3b9a0682325"`);
    await queryRunner.query(`DROP TABLE "safety_signals"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** Private to one institution: contact details and the messages sent to its participants. */
export const MESSAGING_TENANT_TABLES = ['participant_contacts', 'outbox_messages'] as const;

/**
 * E-mail invitations and reminders: participants' contact details (apart from their answers), a schedule per
 * timepoint (the study owner's, readable by the institutions taking part, like the protocol), and the outbox.
 * A trigger cancels a link's waiting messages in the same transaction that completes, revokes or expires it, and
 * removes the link from their text, so a reminder never follows a completed timepoint.
 */
export class Messaging1764400000007 implements MigrationInterface {
  name = 'Messaging1764400000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "participant_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(40), "preferred_language" character varying(2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6ed32b0a61450487c95d33272ca" UNIQUE ("participant_id"), CONSTRAINT "PK_70e87a20287746610b264fe5004" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5a0b1ff393ac6a58b746ed3404" ON "participant_contacts"  ("institution_id") `);
    await queryRunner.query(`CREATE TABLE "timepoint_schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "timepoint_id" uuid NOT NULL, "enabled" boolean NOT NULL, "invite_offset_days" integer NOT NULL, "reminder_days" integer array NOT NULL, "expires_in_days" integer NOT NULL, "due_after_days" integer, "updated_by_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ad9fb2fa75a41ac5d9119bebf88" UNIQUE ("timepoint_id"), CONSTRAINT "PK_ac522587c12485c9dee792058c7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "study_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "invitation_id" uuid NOT NULL, "timepoint_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "sequence" integer NOT NULL, "to" character varying(254), "subject" character varying(300) NOT NULL, "body" text NOT NULL, "language" character varying(2) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_665b3ec276becbd47de9d1b439" ON "outbox_messages"  ("institution_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2fb4a6ae53317bec70be82848" ON "outbox_messages"  ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ad49f66c790ee9737fe548373d" ON "outbox_messages"  ("status", "scheduled_for") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e54c3f1e40771ffeee68ed8e5f" ON "outbox_messages"  ("invitation_id", "sequence") `);
    await queryRunner.query(`ALTER TABLE "participant_contacts" ADD CONSTRAINT "FK_6ed32b0a61450487c95d33272ca" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "timepoint_schedules" ADD CONSTRAINT "FK_ad9fb2fa75a41ac5d9119bebf88" FOREIGN KEY ("timepoint_id") REFERENCES "timepoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_f2fb4a6ae53317bec70be82848d" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_7c73a640167bd2583776ca53fb7" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    for (const table of MESSAGING_TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${APP_ROLE}`);
      await queryRunner.query(
        `CREATE POLICY tenant_all ON "${table}" FOR ALL USING (institution_id = klik_current_institution()) WITH CHECK (institution_id = klik_current_institution())`,
      );
    }
    // Like the protocol: the owner writes, institutions running a cohort of the study read.
    const mine = 'institution_id = klik_current_institution()';
    await queryRunner.query(`ALTER TABLE "timepoint_schedules" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "timepoint_schedules" TO ${APP_ROLE}`);
    await queryRunner.query(
      `CREATE POLICY tenant_read ON "timepoint_schedules" FOR SELECT USING (${mine} OR klik_takes_part(study_id))`,
    );
    await queryRunner.query(`CREATE POLICY tenant_insert ON "timepoint_schedules" FOR INSERT WITH CHECK (${mine})`);
    await queryRunner.query(
      `CREATE POLICY tenant_update ON "timepoint_schedules" FOR UPDATE USING (${mine}) WITH CHECK (${mine})`,
    );
    await queryRunner.query(`CREATE POLICY tenant_delete ON "timepoint_schedules" FOR DELETE USING (${mine})`);

    // Runs as the role that changed the invitation (klik_app under RLS, same institution as its messages).
    await queryRunner.query(`
      CREATE FUNCTION klik_cancel_invitation_messages() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE outbox_messages
           SET status = 'cancelled', cancel_reason = 'invitation_' || NEW.status, next_attempt_at = NULL,
               body = regexp_replace(body, '\\S*/take/[A-Za-z0-9_-]{20,}', '[link removed]', 'g')
         WHERE invitation_id = NEW.id
           AND (status = 'queued' OR (status = 'failed' AND next_attempt_at IS NOT NULL));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER klik_invitation_closed AFTER UPDATE OF status ON invitations FOR EACH ROW
      WHEN (NEW.status IN ('completed', 'revoked', 'expired') AND OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION klik_cancel_invitation_messages()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER klik_invitation_closed ON invitations`);
    await queryRunner.query(`DROP FUNCTION klik_cancel_invitation_messages()`);
    for (const policy of ['tenant_read', 'tenant_insert', 'tenant_update', 'tenant_delete']) {
      await queryRunner.query(`DROP POLICY IF EXISTS ${policy} ON "timepoint_schedules"`);
    }
    await queryRunner.query(`REVOKE ALL ON "timepoint_schedules" FROM ${APP_ROLE}`);
    for (const table of MESSAGING_TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_all ON "${table}"`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_7c73a640167bd2583776ca53fb7"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_f2fb4a6ae53317bec70be82848d"`);
    await queryRunner.query(`ALTER TABLE "timepoint_schedules" DROP CONSTRAINT "FK_ad9fb2fa75a41ac5d9119bebf88"`);
    await queryRunner.query(`ALTER TABLE "participant_contacts" DROP CONSTRAINT "FK_6ed32b0a61450487c95d33272ca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e54c3f1e40771ffeee68ed8e5f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ad49f66c790ee9737fe548373d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2fb4a6ae53317bec70be82848"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_665b3ec276becbd47de9d1b439"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TABLE "timepoint_schedules"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a0b1ff393ac6a58b746ed3404"`);
    await queryRunner.query(`DROP TABLE "participant_contacts"`);
  }
}

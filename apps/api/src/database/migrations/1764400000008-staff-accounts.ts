import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** The table the login, participant-link and staff-invitation rate limits share across API processes. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * Staff accounts made consensual (issue 10):
 *
 * - A staff invitation is addressed to an e-mail address, not to an account: no account is created or attached
 *   until the person behind the address accepts the link that was mailed there. Pending invitations of an
 *   institution are unique per address; `revoked_at` marks replaced and withdrawn ones. Accounts that only
 *   existed as "invited" (created by an admin, never activated, member of nothing) are removed: their
 *   invitations now carry the address.
 * - `users` is under row-level security: inside a tenant transaction the application role sees only the staff
 *   of the current institution (through memberships), so no tenant-scoped query can list another institution's
 *   e-mail addresses.
 * - Sessions keep the browser's user agent (for "your sessions") and are found by expiry for pruning.
 * - `rate_limits` holds the counters of rate-limiter-flexible's PostgreSQL store (its own schema), shared by
 *   every API process; the application role has no access to it.
 */
export class StaffAccounts1764400000008 implements MigrationInterface {
  name = 'StaffAccounts1764400000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_invitations" ADD "email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" ADD "display_name" character varying(120)`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "staff_invitations" si SET "email" = u."email", "display_name" = u."display_name" FROM "users" u WHERE u."id" = si."user_id"`,
    );
    await queryRunner.query(`ALTER TABLE "staff_invitations" ALTER COLUMN "email" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "staff_invitations" DROP CONSTRAINT "FK_22802f1b9ba6a6c757db786ad59"`,
    );
    await queryRunner.query(`ALTER TABLE "staff_invitations" DROP COLUMN "user_id"`);
    // Only one pending invitation per address and institution; a new one revokes the old first.
    await queryRunner.query(
      `UPDATE "staff_invitations" si SET "revoked_at" = now() WHERE si."accepted_at" IS NULL AND EXISTS (
         SELECT 1 FROM "staff_invitations" newer WHERE newer."institution_id" = si."institution_id"
            AND newer."email" = si."email" AND newer."accepted_at" IS NULL AND newer."created_at" > si."created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_staff_invitations_pending_email" ON "staff_invitations" ("institution_id", "email") WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL`,
    );
    await queryRunner.query(
      `DELETE FROM "users" u WHERE u."status" = 'invited' AND u."password_hash" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."user_id" = u."id")`,
    );

    await queryRunner.query(`ALTER TABLE "users" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY colleague_read ON "users" FOR SELECT USING (EXISTS (
         SELECT 1 FROM "memberships" m WHERE m."user_id" = "users"."id" AND m."institution_id" = klik_current_institution()))`,
    );

    await queryRunner.query(`ALTER TABLE "sessions" ADD "user_agent" character varying(200)`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_expires_at" ON "sessions" ("expires_at")`);

    await queryRunner.query(
      `CREATE TABLE "${RATE_LIMIT_TABLE}" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`REVOKE ALL ON "${RATE_LIMIT_TABLE}" FROM PUBLIC, ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${RATE_LIMIT_TABLE}"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sessions_expires_at"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "user_agent"`);
    await queryRunner.query(`DROP POLICY colleague_read ON "users"`);
    await queryRunner.query(`ALTER TABLE "users" DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_invitations_pending_email"`);
    // An invitation needs an account again: pending ones to an address without one get an "invited" account.
    await queryRunner.query(`ALTER TABLE "staff_invitations" ADD "user_id" uuid`);
    await queryRunner.query(
      `INSERT INTO "users" ("email", "display_name", "status")
         SELECT DISTINCT ON (si."email") si."email", coalesce(si."display_name", si."email"), 'invited'
           FROM "staff_invitations" si
          WHERE NOT EXISTS (SELECT 1 FROM "users" u WHERE u."email" = si."email")
          ORDER BY si."email", si."created_at" DESC`,
    );
    await queryRunner.query(
      `UPDATE "staff_invitations" si SET "user_id" = u."id" FROM "users" u WHERE u."email" = si."email"`,
    );
    await queryRunner.query(`ALTER TABLE "staff_invitations" ALTER COLUMN "user_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "staff_invitations" ADD CONSTRAINT "FK_22802f1b9ba6a6c757db786ad59" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "staff_invitations" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" DROP COLUMN "display_name"`);
    await queryRunner.query(`ALTER TABLE "staff_invitations" DROP COLUMN "email"`);
  }
}

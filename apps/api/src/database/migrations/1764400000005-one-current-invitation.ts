import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one current invitation per participant, timepoint and session number, enforced by the database, so two
 * simultaneous requests cannot both create one (the loser gets a 409 from the unique violation). Invitations past
 * their expiry are first marked `expired`, which the service also does before creating a new link.
 */
export class OneCurrentInvitation1764400000005 implements MigrationInterface {
  name = 'OneCurrentInvitation1764400000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "invitations" SET "status" = 'expired' WHERE "status" IN ('open', 'started') AND "expires_at" <= now()`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_invitations_current" ON "invitations" ("participant_id", "timepoint_id", COALESCE("session_number", 0)) WHERE "status" IN ('open', 'started', 'completed')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_invitations_current"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** The one definition of "who counts": every read of participants for analysis, export, monitoring or mail. */
export const ELIGIBLE_PARTICIPANTS = 'eligible_participants';

/**
 * "Withdrawn participants are left out", written once (issue 16): a view of the participants who have not withdrawn,
 * whatever the study's withdrawal policy. `security_invoker`, so the caller's row-level security on `participants`
 * applies through it (klik_app sees its own institution's; the owner, in the cross-institution comparison, all).
 * Analyses, the comparison, monitoring, the export and the outbox planner read participants through it.
 *
 * The column list is fixed when the view is created: a migration that adds a column to `participants` that these
 * readers need recreates the view.
 */
export class EligibleParticipants1764400000009 implements MigrationInterface {
  name = 'EligibleParticipants1764400000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "${ELIGIBLE_PARTICIPANTS}" WITH (security_invoker = true) AS
         SELECT * FROM "participants" WHERE "status" = 'active'`,
    );
    await queryRunner.query(`GRANT SELECT ON "${ELIGIBLE_PARTICIPANTS}" TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "${ELIGIBLE_PARTICIPANTS}"`);
  }
}

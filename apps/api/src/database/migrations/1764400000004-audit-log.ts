import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764400000001-row-level-security';

/** Key of the transaction-level advisory lock that serialises appends to the one global chain. */
export const AUDIT_LOCK_KEY = 7_461_746_100_001;

/** `SET LOCAL klik.audit_maintenance = 'on'` lets the owner connection UPDATE or DELETE audit rows (never klik_app). */
export const AUDIT_MAINTENANCE_SETTING = 'klik.audit_maintenance';

/**
 * The canonical text that is hashed, as SQL: a jsonb array of (seq, occurred_at as ISO 8601 UTC with
 * microseconds, institution_id, actor_type, actor_user_id, action, target_type, target_id, details,
 * previous_hash), printed by PostgreSQL's jsonb output (keys of objects sorted, `, ` and `: ` separators).
 * `audit-chain.ts` rebuilds the same text in TypeScript for the verifier.
 */
const CANONICAL = `jsonb_build_array(
  p_seq, to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_institution_id, p_actor_type,
  p_actor_user_id, p_action, p_target_type, p_target_id, p_details, p_previous_hash)::text`;

/**
 * The audit trail: an append-only log with a SHA-256 hash chain.
 *
 * - Appending: a BEFORE INSERT trigger (SECURITY DEFINER, so it sees the last row past row-level security) takes
 *   `pg_advisory_xact_lock`, reads the last row and sets seq = last + 1, occurred_at, previous_hash (64 zeros
 *   for the first row) and hash, whatever the writer supplied. Concurrent writers queue on the lock until the
 *   holder commits or rolls back, so the chain stays linear and seq has no gaps; UNIQUE (previous_hash) and the
 *   primary key on seq turn any fork into an error.
 * - Append-only: klik_app may INSERT and SELECT (its own institution's rows, by RLS) and nothing else; a trigger
 *   refuses UPDATE, DELETE and TRUNCATE for every role, the owner included, unless the transaction has set
 *   `klik.audit_maintenance` to 'on' (for deliberate repairs, which the verifier will then report).
 */
export class AuditLog1764400000004 implements MigrationInterface {
  name = 'AuditLog1764400000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "institution_id" uuid, "actor_type" character varying(16) NOT NULL, "actor_user_id" uuid, "action" character varying(60) NOT NULL, "target_type" character varying(40), "target_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', "previous_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_07fefa57f7f5ab8fc3f52b3ed0b" UNIQUE ("id"), CONSTRAINT "UQ_a36c1ca00105c395d03b7d8cf96" UNIQUE ("previous_hash"), CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_483198458f5d7c507a3007af02" ON "audit_log"  ("institution_id", "seq") `,
    );

    await queryRunner.query(`
      CREATE FUNCTION klik_audit_hash(
        p_seq bigint, p_occurred_at timestamptz, p_institution_id uuid, p_actor_type text, p_actor_user_id uuid,
        p_action text, p_target_type text, p_target_id uuid, p_details jsonb, p_previous_hash text
      ) RETURNS text LANGUAGE sql STABLE SET search_path = public, pg_temp
      AS $$ SELECT encode(sha256(convert_to(${CANONICAL}, 'UTF8')), 'hex') $$`);
    await queryRunner.query(`
      CREATE FUNCTION klik_audit_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp
      AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(${AUDIT_LOCK_KEY});
        -- A fresh snapshot after the lock (READ COMMITTED): the last row committed by the previous holder.
        SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_seq, 0) + 1;
        NEW.previous_hash := coalesce(last_hash, repeat('0', 64));
        NEW.occurred_at := clock_timestamp();
        NEW.id := coalesce(NEW.id, gen_random_uuid());
        NEW.details := coalesce(NEW.details, '{}'::jsonb);
        NEW.hash := klik_audit_hash(NEW.seq, NEW.occurred_at, NEW.institution_id, NEW.actor_type, NEW.actor_user_id,
          NEW.action, NEW.target_type, NEW.target_id, NEW.details, NEW.previous_hash);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION klik_audit_immutable() RETURNS trigger LANGUAGE plpgsql
      SET search_path = public, pg_temp
      AS $$
      BEGIN
        IF coalesce(current_setting('${AUDIT_MAINTENANCE_SETTING}', true), '') = 'on' THEN
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Deliberate maintenance by the owner: SET LOCAL ${AUDIT_MAINTENANCE_SETTING} = ''on'' (the verifier will report the change).';
      END $$`);
    for (const fn of [
      'klik_audit_hash(bigint, timestamptz, uuid, text, uuid, text, text, uuid, jsonb, text)',
      'klik_audit_append()',
      'klik_audit_immutable()',
    ]) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    }
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION klik_audit_append()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION klik_audit_immutable()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION klik_audit_immutable()`,
    );

    await queryRunner.query(`ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON "audit_log" FROM PUBLIC`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON "audit_log" TO ${APP_ROLE}`);
    const mine = 'institution_id = klik_current_institution()';
    await queryRunner.query(`CREATE POLICY tenant_read ON "audit_log" FOR SELECT USING (${mine})`);
    await queryRunner.query(`CREATE POLICY tenant_insert ON "audit_log" FOR INSERT WITH CHECK (${mine})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_insert ON "audit_log"`);
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_read ON "audit_log"`);
    await queryRunner.query(`REVOKE ALL ON "audit_log" FROM ${APP_ROLE}`);
    await queryRunner.query(`DROP INDEX "public"."IDX_483198458f5d7c507a3007af02"`);
    // Dropping the table drops its triggers; DROP is not stopped by the append-only triggers.
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION klik_audit_immutable()`);
    await queryRunner.query(`DROP FUNCTION klik_audit_append()`);
    await queryRunner.query(
      `DROP FUNCTION klik_audit_hash(bigint, timestamptz, uuid, text, uuid, text, text, uuid, jsonb, text)`,
    );
  }
}

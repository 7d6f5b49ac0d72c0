import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

export type AuditActorType = 'staff' | 'participant' | 'system';

/**
 * One entry of the append-only audit log (migration 1764400000004). The database fills `seq`, `occurred_at`,
 * `previous_hash` and `hash` in a BEFORE INSERT trigger under a transaction-level advisory lock, whatever the
 * writer supplies, so the chain is linear and computed in one place. Rows cannot be updated or deleted.
 */
@Entity('audit_log')
@Index(['institutionId', 'seq'])
export class AuditEntry {
  /** Position in the one global chain: 1, 2, 3, … without gaps (assigned under the lock, not by a sequence). */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'uuid', unique: true })
  @Generated('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** Null for events without a tenant, such as a failed login. */
  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  actorType!: AuditActorType;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  targetId!: string | null;

  /** What changed, without personal data; hashed as PostgreSQL's canonical jsonb text. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;

  @Column({ type: 'char', length: 64, unique: true })
  previousHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

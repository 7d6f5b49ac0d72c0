import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An accepted submission, keyed by the client's Idempotency-Key, so a retry returns the first result. */
@Entity('submissions')
@Index(['invitationId', 'idempotencyKey'], { unique: true })
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  invitationId!: string;

  @Column({ type: 'varchar', length: 100 })
  idempotencyKey!: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

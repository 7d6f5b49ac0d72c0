import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Timepoint } from '../protocol/timepoint.entity';

export const INVITATION_STATUSES = ['open', 'started', 'completed', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * A participant's link for one timepoint (and session number, for session timepoints). The token has 256 random
 * bits and is shown once; only its SHA-256 hash is stored.
 */
@Entity('invitations')
@Index(['participantId', 'timepointId', 'sessionNumber'])
// At most one current (open, started or completed) invitation per participant, timepoint and session: a partial
// unique index written by hand in its migration, so TypeORM must neither create nor drop it.
@Index('UQ_invitations_current', { synchronize: false })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant?: Relation<Participant>;

  @Column({ type: 'uuid' })
  timepointId!: string;

  @ManyToOne(() => Timepoint, { onDelete: 'RESTRICT' })
  timepoint?: Relation<Timepoint>;

  @Column({ type: 'integer', nullable: true })
  sessionNumber!: number | null;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: InvitationStatus;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

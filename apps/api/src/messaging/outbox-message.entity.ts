import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { Participant } from '../participants/participant.entity';
import type { MessageKind, MessageLanguage, MessageStatus } from './messaging-types';

/**
 * One e-mail to a participant: the invitation of a timepoint (sequence 0) or a reminder (1, 2, …). Written when
 * the invitation is made, sent by the scheduler when due (or read by the researcher while SMTP is not configured).
 * Or one e-mail to a staff member about a participant (`safety_signal`, `safety_escalation`, written by safety/):
 * then there is no invitation or timepoint, and `recipientUserId` and `safetySignalId` say to whom and why.
 */
@Entity('outbox_messages')
@Index(['invitationId', 'sequence'], { unique: true })
@Index(['status', 'scheduledFor'])
@Index(['safetySignalId', 'kind', 'recipientUserId'], { unique: true })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  @Index()
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant?: Relation<Participant>;

  /** The participant link a message carries; null for staff messages. */
  @Column({ type: 'uuid', nullable: true })
  invitationId!: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  invitation?: Relation<Invitation>;

  @Column({ type: 'uuid', nullable: true })
  timepointId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: MessageKind;

  /** The staff member a staff message goes to (a safety signal's recipient); null for participant messages. */
  @Column({ type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  /** The safety signal a staff message is about (safety/); asked in SQL, not joined, from messaging. */
  @Column({ type: 'uuid', nullable: true })
  safetySignalId!: string | null;

  @Column({ type: 'integer' })
  sequence!: number;

  /** The address; null once the contact details were erased. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  to!: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: MessageLanguage;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: MessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz' })
  scheduledFor!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** When a pass claimed it for sending (status `sending`). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

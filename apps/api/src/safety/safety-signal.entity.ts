import type { RiskKind } from '@klik/survey-model';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { Participant } from '../participants/participant.entity';
import { ResponseRecord } from '../responses/response.entity';
import { ScoreRecord } from '../responses/score.entity';
import { User } from '../users/user.entity';

export const SAFETY_SIGNAL_STATUSES = ['open', 'acknowledged'] as const;
export type SafetySignalStatus = (typeof SAFETY_SIGNAL_STATUSES)[number];

/**
 * One endorsed risk item as the signal keeps it: ids and the value, what a clinician needs; never free text. The
 * value is erased (absent) when the participant withdrew under the erase-responses policy.
 */
export interface SignalItem {
  item: string;
  value?: number;
  kind: RiskKind;
}

/**
 * A safety signal (issue 11): one submitted answer set that endorsed a risk item (`endorsedRiskItems` of
 * libs/survey-model), raised in the transaction that stores the answers and routed to a person at once. Not a
 * statistic: no minimum n, no suppression. Open until a staff member acknowledges it with a note; escalated once
 * when nobody has after KLIK_SAFETY_ESCALATION_MINUTES. A care record rather than research data: a withdrawal
 * keeps it (the response and score ids become null when the answers are erased), and no export or analysis reads
 * this table.
 */
@Entity('safety_signals')
@Index(['status', 'createdAt'])
export class SafetySignal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The participant's institution: the one whose staff are told. */
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

  /**
   * The safety contact told when the signal was raised (null when there was none and the admins were told): with
   * the client's practitioner, who may see and acknowledge it besides the institution's researchers and admins.
   */
  @Column({ type: 'uuid', nullable: true })
  safetyContactUserId!: string | null;

  /** The invitation the answers came through (the participant page shows the help text after it). */
  @Column({ type: 'uuid', nullable: true })
  @Index()
  invitationId!: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL' })
  invitation?: Relation<Invitation>;

  /** One signal per submitted response; null once the response was erased (withdrawal, erase_responses). */
  @Column({ type: 'uuid', nullable: true, unique: true })
  responseId!: string | null;

  @ManyToOne(() => ResponseRecord, { onDelete: 'SET NULL' })
  response?: Relation<ResponseRecord>;

  @Column({ type: 'uuid', nullable: true })
  scoreId!: string | null;

  @ManyToOne(() => ScoreRecord, { onDelete: 'SET NULL' })
  score?: Relation<ScoreRecord>;

  @Column({ type: 'varchar', length: 60 })
  instrumentId!: string;

  @Column({ type: 'varchar', length: 20 })
  instrumentVersion!: string;

  @Column({ type: 'jsonb' })
  items!: SignalItem[];

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: SafetySignalStatus;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  acknowledgedBy?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  /** What the acknowledging staff member did or arranged (1–1000 characters). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  /** When the signal was escalated to the safety contact and the admins (once). */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

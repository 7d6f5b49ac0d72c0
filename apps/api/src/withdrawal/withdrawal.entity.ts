import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const WITHDRAWAL_REASONS = ['requested', 'consent_declined'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/** That a participant withdrew, how and under which policy. Kept after erasure as proof the wish was honoured. */
@Entity('withdrawals')
export class Withdrawal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'varchar', length: 32 })
  policy!: 'erase_responses' | 'erase_link';

  @Column({ type: 'varchar', length: 16 })
  requestedBy!: 'participant' | 'staff';

  /** The staff member who recorded a withdrawal on the participant's request. */
  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @Column({ type: 'integer' })
  erasedResponses!: number;

  /** `requested`: the participant asked (themselves or through staff); `consent_declined`: they declined renewed consent. */
  @Column({ type: 'varchar', length: 32, default: 'requested' })
  reason!: WithdrawalReason;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ResponseStatus = 'in_progress' | 'submitted';

/**
 * Answers to one instrument (exact version) at one timepoint and session: a client's (through an invitation) or a
 * practitioner's session log. In progress while a client is still answering; submitted once validated and scored.
 */
@Entity('responses')
@Index(['participantId', 'timepointId', 'sessionNumber'])
export class ResponseRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'uuid' })
  timepointId!: string;

  @Column({ type: 'integer', nullable: true })
  sessionNumber!: number | null;

  /** The invitation a client answered through; null for a practitioner's log. */
  @Column({ type: 'uuid', nullable: true })
  @Index()
  invitationId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  respondent!: 'client' | 'practitioner';

  /** The practitioner who wrote a session log. */
  @Column({ type: 'uuid', nullable: true })
  respondentUserId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  instrumentId!: string;

  @Column({ type: 'varchar', length: 20 })
  instrumentVersion!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: 'nl' | 'en';

  @Column({ type: 'jsonb' })
  answers!: Record<string, unknown>;

  /** Page reached, for resuming. */
  @Column({ type: 'integer', default: 0 })
  pageIndex!: number;

  /**
   * While in progress: per item (and `$page` for the page index) the participant session that saved it last and
   * that save's sequence number, so a late-arriving older save of the same session cannot overwrite a newer answer
   * (take/progress-merge.ts).
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  itemWrites!: Record<string, { session: string; sequence: number | null }>;

  @Column({ type: 'varchar', length: 16 })
  status!: ResponseStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;
}

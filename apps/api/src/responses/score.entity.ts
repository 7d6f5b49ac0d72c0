import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The score of one submitted response as computed by libs/survey-model, with the instrument and scoring-rule
 * versions used. Analyses read these rows, never raw answers. Denormalised (study, participant, timepoint,
 * session, instrument) so analyses need no joins.
 */
@Entity('scores')
@Index(['studyId', 'instrumentId', 'timepointId'])
export class ScoreRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid', unique: true })
  responseId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  @Index()
  participantId!: string;

  @Column({ type: 'uuid' })
  timepointId!: string;

  @Column({ type: 'integer', nullable: true })
  sessionNumber!: number | null;

  @Column({ type: 'varchar', length: 16 })
  respondent!: 'client' | 'practitioner';

  @Column({ type: 'varchar', length: 60 })
  instrumentId!: string;

  @Column({ type: 'varchar', length: 20 })
  instrumentVersion!: string;

  @Column({ type: 'varchar', length: 20 })
  scoringVersion!: string;

  @Column({ type: 'double precision', nullable: true })
  total!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: 'complete' | 'prorated' | 'missing';

  @Column({ type: 'varchar', length: 40, nullable: true })
  missingReason!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  band!: string | null;

  @Column({ type: 'boolean', nullable: true })
  caseness!: boolean | null;

  @Column({ type: 'integer' })
  missingCount!: number;

  @Column({ type: 'boolean' })
  prorated!: boolean;

  /** Subscale values as computed, e.g. { bond: { value, status, missingCount, prorated } }. */
  @Column({ type: 'jsonb' })
  subscales!: Record<string, unknown>;

  /** Derived values (flags, counts, codes), e.g. disclosure content types. */
  @Column({ type: 'jsonb' })
  derived!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}

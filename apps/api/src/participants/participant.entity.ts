import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Cohort } from '../studies/cohort.entity';
import { Study } from '../studies/study.entity';

export type ParticipantStatus = 'active' | 'withdrawn';

/**
 * Whether a participant still counts (has not withdrawn): the rule of the `eligible_participants` view (migration
 * 1764400000009), which every query that reads participants uses, for code that holds the entity.
 */
export const isEligible = (participant: { status: ParticipantStatus }): boolean => participant.status === 'active';

/** Optional quasi-identifiers, used only by the de-identified export (k-anonymity); values as in the DTO. */
export interface ParticipantAttributes {
  age_band?: string;
  gender?: string;
}

/**
 * A client enrolled in a study under a pseudonymous code. Never holds a name, e-mail or other direct identifier:
 * contact details, when a later feature needs them, live in their own table.
 */
@Entity('participants')
@Index(['studyId', 'code'], { unique: true })
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  study?: Relation<Study>;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  cohort?: Relation<Cohort>;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  /** The practitioner (a user with the practitioner role in the cohort's institution), if assigned. */
  @Column({ type: 'uuid', nullable: true })
  practitionerId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ParticipantStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enrolledAt!: Date;

  /** Age band and gender, when known: quasi-identifiers the export checks for k-anonymity. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: ParticipantAttributes;

  @Column({ type: 'uuid' })
  createdById!: string;
}

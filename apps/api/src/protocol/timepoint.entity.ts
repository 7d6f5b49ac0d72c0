import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Study } from '../studies/study.entity';
import { TimepointInstrument } from './timepoint-instrument.entity';

export const TIMEPOINT_KINDS = ['baseline', 'session', 'end', 'follow_up', 'other'] as const;
/** `session` timepoints repeat: one invitation per session number. */
export type TimepointKind = (typeof TIMEPOINT_KINDS)[number];

/** An ordered moment of measurement in a study's protocol. */
@Entity('timepoints')
@Index(['studyId', 'key'], { unique: true })
export class Timepoint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  study?: Relation<Study>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 60 })
  key!: string;

  @Column({ type: 'jsonb' })
  label!: Partial<Record<'nl' | 'en', string>>;

  @Column({ type: 'varchar', length: 16 })
  kind!: TimepointKind;

  /** Days after enrolment at which the timepoint is due; null for session timepoints. */
  @Column({ type: 'integer', nullable: true })
  offsetDays!: number | null;

  @OneToMany(() => TimepointInstrument, (instrument) => instrument.timepoint)
  instruments?: Relation<TimepointInstrument[]>;
}

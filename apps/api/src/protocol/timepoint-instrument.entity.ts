import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Timepoint } from './timepoint.entity';

export const RESPONDENTS = ['client', 'practitioner'] as const;
export type Respondent = (typeof RESPONDENTS)[number];

/** An instrument (at an exact version) to be filled in at a timepoint, and by whom. */
@Entity('timepoint_instruments')
@Index(['timepointId', 'position'], { unique: true })
export class TimepointInstrument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  timepointId!: string;

  @ManyToOne(() => Timepoint, (timepoint) => timepoint.instruments, { onDelete: 'CASCADE' })
  timepoint?: Relation<Timepoint>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 60 })
  instrumentId!: string;

  @Column({ type: 'varchar', length: 20 })
  instrumentVersion!: string;

  @Column({ type: 'varchar', length: 16 })
  respondent!: Respondent;
}

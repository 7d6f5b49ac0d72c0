import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Timepoint } from '../protocol/timepoint.entity';

/**
 * When a timepoint's invitation and reminders go out by e-mail. Owned by the study's institution (like the
 * protocol); institutions running a cohort read it and send to their own participants.
 */
@Entity('timepoint_schedules')
export class TimepointSchedule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid', unique: true })
  timepointId!: string;

  @ManyToOne(() => Timepoint, { onDelete: 'CASCADE' })
  timepoint?: Relation<Timepoint>;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** Days after enrolment. */
  @Column({ type: 'integer' })
  inviteOffsetDays!: number;

  /** Days after the invitation, increasing. */
  @Column({ type: 'integer', array: true })
  reminderDays!: number[];

  @Column({ type: 'integer' })
  expiresInDays!: number;

  @Column({ type: 'integer', nullable: true })
  dueAfterDays!: number | null;

  @Column({ type: 'uuid' })
  updatedById!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

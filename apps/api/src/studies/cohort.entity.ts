import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Institution } from '../institutions/institution.entity';
import { User } from '../users/user.entity';
import { Study } from './study.entity';

/**
 * A site of a study, owned by one institution (which may differ from the study's owner). Part of the study: which
 * institutions see a study is decided by its cohorts (study-access.ts). The routes that manage them are in cohorts/.
 */
@Entity('cohorts')
@Index(['studyId', 'name'], { unique: true })
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  institution?: Relation<Institution>;

  @Column({ type: 'uuid' })
  studyId!: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  study?: Relation<Study>;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /**
   * For a partner institution's cohort: the staff member of that institution told at once when one of its
   * participants endorses a risk item (else its admins). Set by the cohort's institution (safety/).
   */
  @Column({ type: 'uuid', nullable: true })
  safetyContactUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  safetyContactUser?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

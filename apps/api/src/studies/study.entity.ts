import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Institution } from '../institutions/institution.entity';

export const STUDY_STATUSES = ['draft', 'recruiting', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const WITHDRAWAL_POLICIES = ['erase_responses', 'erase_link'] as const;
/** erase_responses: delete the person's answers and scores; erase_link: keep them but cut every link to the person. */
export type WithdrawalPolicy = (typeof WITHDRAWAL_POLICIES)[number];

/** A study, owned by one institution; other institutions take part through cohorts they own. */
@Entity('studies')
export class Study {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  institution?: Relation<Institution>;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 2, array: true })
  languages!: Language[];

  @Column({ type: 'varchar', length: 32 })
  withdrawalPolicy!: WithdrawalPolicy;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: StudyStatus;

  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

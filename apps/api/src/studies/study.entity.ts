import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Institution } from '../institutions/institution.entity';
import { User } from '../users/user.entity';

export const STUDY_STATUSES = ['draft', 'recruiting', 'closed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const WITHDRAWAL_POLICIES = ['erase_responses', 'erase_link'] as const;
/** erase_responses: delete the person's answers and scores; erase_link: keep them but cut every link to the person. */
export type WithdrawalPolicy = (typeof WITHDRAWAL_POLICIES)[number];
/** A text in the study's languages, e.g. `{ nl: '…', en: '…' }`. */
export type LocalizedText = Partial<Record<Language, string>>;
/**
 * How the study's Dutch texts address the participant (e-mails; the participant pages pick their strings by it):
 * informal `je` (the participant pages' own wording, the default) or formal `u`.
 */
export const FORMS_OF_ADDRESS = ['je', 'u'] as const;
export type FormOfAddress = (typeof FORMS_OF_ADDRESS)[number];

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

  /** Per study language (issue 11); required in every language before the study recruits. */
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description!: LocalizedText;

  @Column({ type: 'varchar', length: 2, default: 'je' })
  formOfAddress!: FormOfAddress;

  @Column({ type: 'varchar', length: 2, array: true })
  languages!: Language[];

  @Column({ type: 'varchar', length: 32 })
  withdrawalPolicy!: WithdrawalPolicy;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: StudyStatus;

  @Column({ type: 'uuid' })
  createdById!: string;

  /**
   * The staff member of the owning institution told at once when one of the owner's participants endorses a risk
   * item (safety/). Required before a study with risk-item instruments recruits (study-safety.ts).
   */
  @Column({ type: 'uuid', nullable: true })
  safetyContactUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  safetyContactUser?: Relation<User>;

  /** Shown to a participant who endorsed a risk item: where to find help now, per study language. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  safetyHelpText!: Partial<Record<Language, string>>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Study } from './study.entity';

/** One published version of a study's consent text; append-only (a change is a new version). */
@Entity('consent_versions')
@Index(['studyId', 'version'], { unique: true })
export class ConsentVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @ManyToOne(() => Study, { onDelete: 'CASCADE' })
  study?: Relation<Study>;

  @Column({ type: 'integer' })
  version!: number;

  /** Text per language, e.g. { nl: '…', en: '…' }. */
  @Column({ type: 'jsonb' })
  text!: Partial<Record<'nl' | 'en', string>>;

  /**
   * Publishing this version asks again everyone who consented to an older one: until they consent to the current
   * version they cannot answer, and declining withdraws them (take/consent-standing.ts).
   */
  @Column({ type: 'boolean', default: false })
  requiresReconsent!: boolean;

  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The wording of a licensed instrument version, imported by an institution that holds the licence
 * (format `klik-text-pack@1`, see libs/survey-model/docs/text-packs.md). Private to that institution. Part of the
 * instrument catalog, which reads it to show a licensed instrument; text-packs/ holds the routes that import and
 * remove them.
 */
@Entity('text_packs')
@Index(['institutionId', 'instrumentId', 'instrumentVersion'], { unique: true })
export class TextPackRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'varchar', length: 60 })
  instrumentId!: string;

  @Column({ type: 'varchar', length: 20 })
  instrumentVersion!: string;

  @Column({ type: 'varchar', length: 2, array: true })
  languages!: ('nl' | 'en')[];

  @Column({ type: 'varchar', length: 500 })
  source!: string;

  @Column({ type: 'jsonb' })
  pack!: Record<string, unknown>;

  @Column({ type: 'uuid' })
  importedById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A participant's consent decision, with the exact consent version and language shown. */
@Entity('consent_records')
@Index(['participantId', 'decidedAt'])
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'uuid' })
  invitationId!: string;

  @Column({ type: 'uuid' })
  consentVersionId!: string;

  @Column({ type: 'integer' })
  consentVersion!: number;

  @Column({ type: 'varchar', length: 10 })
  decision!: 'given' | 'declined';

  @Column({ type: 'varchar', length: 2 })
  language!: 'nl' | 'en';

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The per-study key of the export pseudonyms (HMAC-SHA256). Created on the first export, kept only here, never
 * returned by any route: without it an export code cannot be linked back to a participant.
 */
@Entity('study_export_secrets')
export class StudyExportSecret {
  @PrimaryColumn({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'bytea' })
  secret!: Buffer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

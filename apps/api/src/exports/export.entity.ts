import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { KAnonymityReport } from './k-anonymity';

export type ExportStatus = 'queued' | 'running' | 'complete' | 'failed';

/** One written file of an export: its name in the export folder, size in bytes and SHA-256 (hex). */
export interface ExportFileInfo {
  name: string;
  size: number;
  sha256: string;
}

/**
 * A de-identified export of a study, run as a background job. The row is the job's state (status, progress) and,
 * once complete, its record: options, row count, files with their hashes and the k-anonymity report.
 */
@Entity('exports')
@Index(['studyId', 'createdAt'])
export class ExportRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid' })
  studyId!: string;

  @Column({ type: 'uuid' })
  requestedById!: string;

  /** The options as validated, defaults filled in. */
  @Column({ type: 'jsonb' })
  options!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: ExportStatus;

  @Column({ type: 'integer', default: 0 })
  rowsDone!: number;

  @Column({ type: 'integer', default: 0 })
  rowsTotal!: number;

  /** Rows of the long CSV (one per participant × timepoint × session × instrument), once complete. */
  @Column({ type: 'integer', nullable: true })
  rowCount!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  files!: ExportFileInfo[];

  /** What the k-anonymity check changed; null until the job has computed it. */
  @Column({ type: 'jsonb', nullable: true })
  report!: KAnonymityReport | null;

  /** A short, user-facing reason when the job failed (details go to the log with the export id). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

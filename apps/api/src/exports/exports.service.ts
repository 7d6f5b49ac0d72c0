import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { findVisibleStudy } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import { type CreateExportDto, withDefaults } from './dto/export-options.dto';
import type { ExportDto } from './dto/export.dto';
import { ExportJobService } from './export-job.service';
import { ExportRecord } from './export.entity';

/** Export requests: checks and stores them, hands them to the job runner, lists them and finds their files. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly jobs: ExportJobService,
  ) {}

  async create(auth: AuthContext, studyId: string, body: CreateExportDto): Promise<ExportDto> {
    const options = withDefaults(body);
    if (
      options.content.includes('items') &&
      options.dates !== 'none' &&
      options.quasiIdentifiers.length === 0
    ) {
      throw AppError.validation(
        [
          {
            field: 'quasiIdentifiers',
            messages: [
              'item-level answers with dates need at least one declared quasi-identifier (cohort, age_band, gender) ' +
                'so the export can be checked for k-anonymity; declare them, or set dates to none, or export scores only',
            ],
          },
        ],
        'These export options would not be anonymous',
      );
    }
    const record = await this.tenancy.run(auth, async (m) => {
      const study = await ownedStudy(m, auth, studyId);
      // The study's pseudonym key: made once, by whichever export comes first (ON CONFLICT: two at once agree).
      await m.query(
        `INSERT INTO study_export_secrets (study_id, institution_id, secret) VALUES ($1, $2, $3) ON CONFLICT (study_id) DO NOTHING`,
        [study.id, auth.institutionId, randomBytes(32)],
      );
      return m.save(
        m.create(ExportRecord, {
          institutionId: auth.institutionId,
          studyId: study.id,
          requestedById: auth.userId,
          options: { ...options },
          status: 'queued',
        }),
      );
    });
    this.jobs.start(auth, record.id);
    return toDto(record);
  }

  list(auth: AuthContext, studyId: string): Promise<ExportDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const study = await ownedStudy(m, auth, studyId);
      const rows = await m.find(ExportRecord, {
        where: { studyId: study.id, institutionId: auth.institutionId },
        order: { createdAt: 'DESC' },
        take: 200,
      });
      return rows.map(toDto);
    });
  }

  get(auth: AuthContext, studyId: string, exportId: string): Promise<ExportDto> {
    return this.tenancy.run(auth, async (m) => toDto(await findExport(m, auth, studyId, exportId)));
  }

  /** The path of a file of a complete export; 404 for any name the export did not write. */
  filePath(auth: AuthContext, studyId: string, exportId: string, fileName: string): Promise<string> {
    return this.tenancy.run(auth, async (m) => {
      const record = await findExport(m, auth, studyId, exportId);
      const file = record.status === 'complete' ? record.files.find((f) => f.name === fileName) : undefined;
      if (!file) throw AppError.notFound('Export file');
      return path.join(this.jobs.exportDir(record.id), file.name);
    });
  }
}

/** Exports are row-level data: only the institution that owns the study exports it; any other one gets a 404. */
async function ownedStudy(m: EntityManager, auth: AuthContext, studyId: string): Promise<Study> {
  const study = await findVisibleStudy(m, auth, studyId);
  if (study.institutionId !== auth.institutionId) throw AppError.notFound('Study');
  return study;
}

async function findExport(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  exportId: string,
): Promise<ExportRecord> {
  const study = await ownedStudy(m, auth, studyId);
  const record = await m.findOne(ExportRecord, {
    where: { id: exportId, studyId: study.id, institutionId: auth.institutionId },
  });
  if (!record) throw AppError.notFound('Export');
  return record;
}

function toDto(record: ExportRecord): ExportDto {
  return {
    id: record.id,
    studyId: record.studyId,
    status: record.status,
    options: record.options,
    progress: { rowsDone: record.rowsDone, rowsTotal: record.rowsTotal },
    rowCount: record.rowCount,
    files: (record.files ?? []).map((file) => ({
      ...file,
      url: `/api/studies/${record.studyId}/exports/${record.id}/files/${encodeURIComponent(file.name)}`,
    })),
    report: record.report as unknown as Record<string, unknown> | null,
    error: record.error,
    createdAt: record.createdAt,
    completedAt: record.completedAt,
  };
}

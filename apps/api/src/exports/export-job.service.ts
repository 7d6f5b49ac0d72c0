import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { compareVersions, getInstrument, type Instrument } from '@klik/survey-model';
import { mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { Cohort } from '../studies/cohort.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { Study } from '../studies/study.entity';
import { textIn } from '../studies/study-text';
import { type CodebookInput, codebookJson, codebookMarkdown } from './codebook';
import { csvHeader } from './csv-format';
import type { ExportOptions } from './dto/export-options.dto';
import { buildLayout, type LayoutTimepoint, longBandLabels } from './export-layout';
import { ExportFileWriter, writeWholeFile } from './export-file.writer';
import { type PreparedExport, qiValues, writeExportData } from './export-data.writer';
import { StudyExportSecret } from './export-secret.entity';
import { type ExportFileInfo, ExportRecord } from './export.entity';
import { planKAnonymity } from './k-anonymity';
import { rScript } from './r-script';
import { type DataFile, spssSyntax } from './spss-syntax';

export const FILE_NAMES = {
  long_csv: 'klik-long.csv',
  wide_csv: 'klik-wide.csv',
  codebook_json: 'codebook.json',
  codebook_md: 'codebook.md',
  spss: 'klik-export.sps',
  r: 'klik-export.R',
} as const;

/**
 * Runs exports in the background, after the request that created them has answered. Reads the database in short
 * tenant transactions (participants in keyset pages, then their responses in keyset pages) and streams every file
 * to `<KLIK_DATA_DIR>/exports/<id>/`, so memory holds one page however large the study. Never reads contact details.
 */
@Injectable()
export class ExportJobService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Exports');
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  exportDir(exportId: string): string {
    return path.join(this.config.dataDir, 'exports', exportId);
  }

  /** Starts the job once the current tick is over (the creating transaction has committed by then). */
  start(auth: AuthContext, exportId: string): void {
    const job: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(auth, exportId))
      .catch((error: unknown) => this.fail(auth, exportId, error))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Lets running jobs notice the shutdown and stop at their next page (they are then marked failed). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when every job started so far has finished (tests and the benchmark wait on it). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async run(auth: AuthContext, exportId: string): Promise<void> {
    const dir = this.exportDir(exportId);
    const prepared = await this.tenancy.run(auth, (m) => this.prepare(m, auth, exportId));
    await mkdir(dir, { recursive: true });
    const { options, layout } = prepared;
    const long = options.formats.includes('long_csv') ? new ExportFileWriter(dir, FILE_NAMES.long_csv) : null;
    const wide = options.formats.includes('wide_csv') ? new ExportFileWriter(dir, FILE_NAMES.wide_csv) : null;
    let longRows = 0;
    try {
      await long?.write(csvHeader(layout.long.map((v) => v.name)));
      await wide?.write(csvHeader(layout.wide.map((v) => v.name)));
      if (long || wide) {
        const job = { tenancy: this.tenancy, auth, exportId, stopping: () => this.stopping };
        longRows = await writeExportData(job, prepared, long, wide);
      }
    } catch (error) {
      long?.destroy();
      wide?.destroy();
      throw error;
    }
    const files: ExportFileInfo[] = [];
    if (long) files.push(await long.close());
    if (wide) files.push(await wide.close());
    files.push(...(await this.writeDescriptions(dir, prepared)));

    await this.tenancy.run(auth, async (m) => {
      await m.update(ExportRecord, exportId, {
        status: 'complete',
        files,
        rowCount: longRows,
        rowsDone: prepared.rowsTotal,
        completedAt: new Date(),
      });
      await this.audit.recordExport(m, auth, exportId, {
        format: options.formats.join(','),
        options: { ...options, studyId: prepared.study.id },
        rows: longRows,
        files: Object.fromEntries(files.map((file) => [file.name, file.sha256])),
      });
    });
  }

  private async fail(auth: AuthContext, exportId: string, error: unknown): Promise<void> {
    this.logger.error(`export ${exportId} failed: ${(error as Error)?.stack ?? String(error)}`);
    await rm(this.exportDir(exportId), { recursive: true, force: true }).catch(() => undefined);
    const reason = this.stopping
      ? 'The server stopped during the export; start it again.'
      : `The export failed; the server log names the cause (export ${exportId}).`;
    await this.tenancy
      .run(auth, (m) =>
        m.update(ExportRecord, exportId, { status: 'failed', error: reason, completedAt: new Date() }),
      )
      .catch((cause: unknown) =>
        this.logger.error(`could not mark export ${exportId} failed: ${String(cause)}`),
      );
  }

  /** Everything that is small: protocol, cohorts, class counts for k-anonymity, instrument versions, row count. */
  private async prepare(m: EntityManager, auth: AuthContext, exportId: string): Promise<PreparedExport> {
    const record = await m.findOneOrFail(ExportRecord, {
      where: { id: exportId, institutionId: auth.institutionId },
    });
    const options = record.options as unknown as ExportOptions;
    const study = await m.findOneOrFail(Study, { where: { id: record.studyId } });
    const secret = (await m.findOneOrFail(StudyExportSecret, { where: { studyId: study.id } })).secret;
    const scope = [study.id, auth.institutionId];

    const cohorts = await m.find(Cohort, {
      where: { studyId: study.id, institutionId: auth.institutionId },
      order: { createdAt: 'ASC' },
    });
    const cohortNames = new Map(cohorts.map((c) => [c.id, c.name]));
    const classes = (await m.query(
      `SELECT cohort_id, attributes->>'age_band' AS age_band, attributes->>'gender' AS gender, count(*)::int AS n
         FROM eligible_participants WHERE study_id = $1 AND institution_id = $2 GROUP BY 1, 2, 3`,
      scope,
    )) as { cohort_id: string; age_band: string | null; gender: string | null; n: number }[];
    const plan = planKAnonymity(
      classes.map((c) => ({ values: qiValues(cohortNames, c), count: c.n })),
      options.quasiIdentifiers,
      options.k,
    );

    const tps = await m.find(Timepoint, { where: { studyId: study.id }, order: { position: 'ASC' } });
    const tis = await m.find(TimepointInstrument, {
      where: { studyId: study.id },
      order: { position: 'ASC' },
    });
    const active = `FROM responses r JOIN eligible_participants p ON p.id = r.participant_id
      WHERE r.study_id = $1 AND r.institution_id = $2 AND r.status = 'submitted'`;
    const used = (await m.query(
      `SELECT DISTINCT r.timepoint_id, r.instrument_id, r.instrument_version ${active}`,
      scope,
    )) as {
      timepoint_id: string;
      instrument_id: string;
      instrument_version: string;
    }[];
    const sessions = (await m.query(
      `SELECT DISTINCT r.timepoint_id, r.session_number ${active} AND r.session_number IS NOT NULL ORDER BY 2`,
      scope,
    )) as { timepoint_id: string; session_number: number }[];
    const [{ n: rowsTotal }] = (await m.query(`SELECT count(*)::int AS n ${active}`, scope)) as {
      n: number;
    }[];
    const scoring = (await m.query(
      `SELECT DISTINCT instrument_id, scoring_version FROM scores WHERE study_id = $1 AND institution_id = $2`,
      scope,
    )) as { instrument_id: string; scoring_version: string }[];
    const scoringVersions = new Map<string, Set<string>>();
    for (const row of scoring)
      scoringVersions.set(
        row.instrument_id,
        (scoringVersions.get(row.instrument_id) ?? new Set()).add(row.scoring_version),
      );

    const timepoints: LayoutTimepoint[] = tps.map((tp) => {
      const latest = new Map<string, Instrument>();
      const refs = [
        ...tis.filter((ti) => ti.timepointId === tp.id).map((ti) => [ti.instrumentId, ti.instrumentVersion]),
        ...used.filter((u) => u.timepoint_id === tp.id).map((u) => [u.instrument_id, u.instrument_version]),
      ];
      for (const [id, version] of refs) {
        const known = latest.get(id);
        if (known && compareVersions(known.version, version) >= 0) continue;
        try {
          latest.set(id, getInstrument(id, version));
        } catch {
          this.logger.warn(`export ${exportId}: unknown instrument ${id} ${version} left out`);
        }
      }
      const tpSessions = sessions.filter((s) => s.timepoint_id === tp.id).map((s) => s.session_number);
      return {
        id: tp.id,
        key: tp.key,
        kind: tp.kind,
        position: tp.position,
        label: tp.label.en ?? tp.label.nl ?? tp.key,
        sessions: tp.kind === 'session' || tpSessions.length > 0 ? tpSessions : null,
        instruments: [...latest.values()],
      };
    });
    const layout = buildLayout(
      timepoints,
      cohorts.map((c) => c.name),
      {
        items: options.content.includes('items'),
        includeFreeText: options.includeFreeText,
        dates: options.dates,
        quasiIdentifiers: plan.report.quasiIdentifiers,
      },
    );
    const bandColumn = layout.long.find((v) => v.name === 'band');
    if (bandColumn) bandColumn.valueLabels = longBandLabels(timepoints.flatMap((t) => t.instruments));

    await m.update(ExportRecord, exportId, { status: 'running', rowsTotal, report: plan.report });
    return {
      study,
      secret,
      options,
      plan,
      layout,
      timepoints,
      baselineTimepointIds: tps.filter((tp) => tp.kind === 'baseline').map((tp) => tp.id),
      cohortNames,
      scoringVersions,
      rowsTotal,
    };
  }

  private async writeDescriptions(dir: string, p: PreparedExport): Promise<ExportFileInfo[]> {
    const formats = p.options.formats;
    const dataFiles: DataFile[] = [];
    if (formats.includes('long_csv'))
      dataFiles.push({ file: FILE_NAMES.long_csv, dataset: 'klik_long', variables: p.layout.long });
    if (formats.includes('wide_csv'))
      dataFiles.push({ file: FILE_NAMES.wide_csv, dataset: 'klik_wide', variables: p.layout.wide });
    const instruments = new Map<string, Instrument>();
    for (const tp of p.timepoints) for (const i of tp.instruments) instruments.set(i.id, i);
    // The codebook is in English (labels from libs/survey-model), as are timepoint labels: the English title first.
    const studyTitle = textIn(p.study.title, 'en', p.study.languages);
    const input: CodebookInput = {
      studyTitle,
      generatedAt: new Date(),
      options: { ...p.options },
      report: p.plan.report,
      instruments: [...instruments.values()].map((i) => ({
        id: i.id,
        version: i.version,
        name: i.name,
        scoringVersions: [...(p.scoringVersions.get(i.id) ?? new Set([i.scoring.scoringVersion]))].sort(),
        licence: i.licence.spdx,
        citation: i.citation.primary,
      })),
      files: dataFiles,
    };
    const title = `Klik export of "${studyTitle}" (${input.generatedAt.toISOString().slice(0, 10)})`;
    const out: ExportFileInfo[] = [];
    if (formats.includes('codebook_json'))
      out.push(await writeWholeFile(dir, FILE_NAMES.codebook_json, codebookJson(input)));
    if (formats.includes('codebook_md'))
      out.push(await writeWholeFile(dir, FILE_NAMES.codebook_md, codebookMarkdown(input)));
    if (formats.includes('spss') && dataFiles.length > 0)
      out.push(await writeWholeFile(dir, FILE_NAMES.spss, spssSyntax(title, dataFiles)));
    if (formats.includes('r') && dataFiles.length > 0)
      out.push(await writeWholeFile(dir, FILE_NAMES.r, rScript(title, dataFiles)));
    return out;
  }
}

import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { compareVersions, getInstrument, type Instrument } from '@klik/survey-model';
import { mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/auth-context';
import { Cohort } from '../cohorts/cohort.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { Study } from '../studies/study.entity';
import { type CodebookInput, codebookJson, codebookMarkdown } from './codebook';
import { csvRows } from './csv-format';
import type { ExportOptions } from './dto/export-options.dto';
import {
  buildLayout,
  type ExportLayout,
  instrumentPrefix,
  type LayoutTimepoint,
  longBandLabels,
} from './export-layout';
import { ExportFileWriter, writeWholeFile } from './export-file.writer';
import { StudyExportSecret } from './export-secret.entity';
import { type ExportFileInfo, ExportRecord } from './export.entity';
import { type KAnonymityPlan, planKAnonymity, type QiValues, UNKNOWN } from './k-anonymity';
import { dateShiftDays, daysSince, exportCode, shiftedDate } from './pseudonym';
import { rScript } from './r-script';
import { type DataFile, spssSyntax } from './spss-syntax';

/** Participants read per transaction; their responses are then read in pages of {@link ROW_BATCH}. */
const PARTICIPANT_BATCH = 500;
const ROW_BATCH = 2_000;

export const FILE_NAMES = {
  long_csv: 'klik-long.csv',
  wide_csv: 'klik-wide.csv',
  codebook_json: 'codebook.json',
  codebook_md: 'codebook.md',
  spss: 'klik-export.sps',
  r: 'klik-export.R',
} as const;

interface Prepared {
  study: Study;
  secret: Buffer;
  options: ExportOptions;
  plan: KAnonymityPlan;
  layout: ExportLayout;
  timepoints: LayoutTimepoint[];
  baselineTimepointIds: string[];
  cohortNames: Map<string, string>;
  scoringVersions: Map<string, Set<string>>;
  rowsTotal: number;
}

interface ParticipantRow {
  id: string;
  cohort_id: string;
  age_band: string | null;
  gender: string | null;
  enrolled_at: Date;
  n: number;
}

interface DataRow {
  id: string;
  participant_id: string;
  timepoint_id: string;
  session_number: number | null;
  respondent: string;
  instrument_id: string;
  instrument_version: string;
  submitted_at: Date;
  /** submitted_at as PostgreSQL prints it (microseconds, zone): the exact keyset cursor. */
  at_key: string;
  answers: Record<string, unknown> | null;
  scoring_version: string | null;
  total: number | null;
  score_status: string | null;
  band: string | null;
  caseness: boolean | null;
  subscales: Record<string, unknown> | null;
  derived: Record<string, unknown> | null;
}

/** Where a participant's exported values come from: pseudonym, date handling, quasi-identifiers. */
interface ExportedParticipant {
  id: string;
  code: string;
  shift: number;
  baseline: Date;
  qi: Partial<QiValues>;
}

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
      await long?.write(csvRows([layout.long.map((v) => v.name)]));
      await wide?.write(csvRows([layout.wide.map((v) => v.name)]));
      if (long || wide) longRows = await this.writeData(auth, exportId, prepared, long, wide);
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
  private async prepare(m: EntityManager, auth: AuthContext, exportId: string): Promise<Prepared> {
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
         FROM participants WHERE study_id = $1 AND institution_id = $2 AND status = 'active' GROUP BY 1, 2, 3`,
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
    const active = `FROM responses r JOIN participants p ON p.id = r.participant_id
      WHERE r.study_id = $1 AND r.institution_id = $2 AND r.status = 'submitted' AND p.status = 'active'`;
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

  /** Streams both CSVs in one pass: participants in id order, each one's responses in time order. */
  private async writeData(
    auth: AuthContext,
    exportId: string,
    p: Prepared,
    long: ExportFileWriter | null,
    wide: ExportFileWriter | null,
  ): Promise<number> {
    const items = p.options.content.includes('items');
    const longIndex = new Map(p.layout.long.map((v, i) => [v.name, i]));
    const wideIndex = new Map(p.layout.wide.map((v, i) => [v.name, i]));
    const timepoints = new Map(p.timepoints.map((tp) => [tp.id, tp]));
    let afterParticipant = '00000000-0000-0000-0000-000000000000';
    let rowsDone = 0;
    let longRows = 0;
    // 64-bit codes collide with odds of about 1e-9 at 200,000 participants; should it happen, the export fails
    // rather than merge two people (memory: one short string per participant, not per row).
    const codes = new Set<string>();
    for (;;) {
      if (this.stopping) throw new Error('server shutting down');
      const batch = await this.tenancy.run(auth, async (m) => {
        await m.update(ExportRecord, exportId, { rowsDone });
        const participants = (await m.query(
          `SELECT p.id, p.cohort_id, p.attributes->>'age_band' AS age_band, p.attributes->>'gender' AS gender, p.enrolled_at,
                  (SELECT count(*)::int FROM responses r WHERE r.participant_id = p.id AND r.status = 'submitted') AS n
             FROM participants p
            WHERE p.study_id = $1 AND p.institution_id = $2 AND p.status = 'active' AND p.id > $3
            ORDER BY p.id LIMIT ${PARTICIPANT_BATCH}`,
          [p.study.id, auth.institutionId, afterParticipant],
        )) as ParticipantRow[];
        const baselines = new Map<string, Date>();
        if (
          participants.length > 0 &&
          p.options.dates === 'days_since_baseline' &&
          p.baselineTimepointIds.length > 0
        ) {
          const rows = (await m.query(
            `SELECT participant_id, min(submitted_at) AS at FROM responses
              WHERE participant_id = ANY($1) AND timepoint_id = ANY($2) AND status = 'submitted' GROUP BY 1`,
            [participants.map((x) => x.id), p.baselineTimepointIds],
          )) as { participant_id: string; at: Date }[];
          for (const row of rows) baselines.set(row.participant_id, new Date(row.at));
        }
        return { participants, baselines };
      });
      if (batch.participants.length === 0) break;
      afterParticipant = batch.participants[batch.participants.length - 1].id;

      // Groups of participants holding about ROW_BATCH rows; a participant with more is paged on its own.
      const groups: ParticipantRow[][] = [];
      let sum = Infinity;
      for (const row of batch.participants) {
        if (sum + row.n > ROW_BATCH) {
          groups.push([]);
          sum = 0;
        }
        groups[groups.length - 1].push(row);
        sum += row.n;
      }
      for (const group of groups) {
        const exported = new Map<string, ExportedParticipant>();
        for (const row of group) {
          const qi = p.plan.apply(qiValues(p.cohortNames, row));
          if (qi === null) continue; // suppressed for k-anonymity: left out entirely
          const code = exportCode(p.secret, row.id);
          if (codes.has(code))
            throw new Error('two participants share an export code; the export was stopped');
          codes.add(code);
          exported.set(row.id, {
            id: row.id,
            code,
            shift: dateShiftDays(p.secret, row.id),
            baseline: batch.baselines.get(row.id) ?? new Date(row.enrolled_at),
            qi,
          });
        }
        // The wide row being filled: participants come in id order, so each row is complete when the next begins.
        const w: { row: unknown[] | null; of: string | null } = { row: null, of: null };
        const flushWide = async () => {
          if (wide && w.row) await wide.write(csvRows([w.row]));
          w.row = null;
        };
        const startWide = (who: ExportedParticipant) => {
          w.of = who.id;
          w.row = new Array<unknown>(p.layout.wide.length).fill(null);
          w.row[0] = who.code;
          for (const [qi, value] of Object.entries(who.qi)) w.row[wideIndex.get(qi) as number] = value;
        };
        const pending = [...exported.values()];
        let cursor: [string, string, string] | null = null;
        const ids = group.map((row) => row.id);
        const totalRows = group.reduce((s, row) => s + row.n, 0);
        while (totalRows > 0) {
          const rows: DataRow[] = await this.tenancy.run(auth, (m) =>
            m.query(
              `SELECT r.id, r.participant_id, r.timepoint_id, r.session_number, r.respondent, r.instrument_id,
                      r.instrument_version, r.submitted_at, r.submitted_at::text AS at_key, ${items ? 'r.answers' : 'NULL AS answers'},
                      s.scoring_version, s.total, s.status AS score_status, s.band, s.caseness, s.subscales, s.derived
                 FROM responses r LEFT JOIN scores s ON s.response_id = r.id
                WHERE r.participant_id = ANY($1) AND r.status = 'submitted'
                  ${cursor ? 'AND (r.participant_id, r.submitted_at, r.id) > ($2::uuid, $3::timestamptz, $4::uuid)' : ''}
                ORDER BY r.participant_id, r.submitted_at, r.id LIMIT ${ROW_BATCH}`,
              cursor ? [ids, ...cursor] : [ids],
            ),
          );
          if (rows.length === 0) break;
          const last = rows[rows.length - 1];
          cursor = [last.participant_id, last.at_key, last.id];
          const longChunk: unknown[][] = [];
          for (const row of rows) {
            const who = exported.get(row.participant_id);
            if (!who) continue;
            const tp = timepoints.get(row.timepoint_id);
            const date = new Date(row.submitted_at);
            const dateValue =
              p.options.dates === 'shifted'
                ? shiftedDate(date, who.shift)
                : p.options.dates === 'days_since_baseline'
                  ? daysSince(date, who.baseline)
                  : null;
            const specific = p.layout.perInstrument.get(row.instrument_id) ?? [];
            const source = {
              subscales: row.subscales ?? {},
              derived: row.derived ?? {},
              answers: row.answers ?? {},
            };
            if (long) {
              const line = new Array<unknown>(p.layout.long.length).fill(null);
              const set = (name: string, value: unknown) => {
                const i = longIndex.get(name);
                if (i !== undefined) line[i] = value;
              };
              set('participant', who.code);
              for (const [qi, value] of Object.entries(who.qi)) set(qi, value);
              set('timepoint', tp?.key ?? null);
              set('timepoint_kind', tp?.kind ?? null);
              set('session', row.session_number);
              set('instrument', row.instrument_id);
              set('instrument_version', row.instrument_version);
              set('scoring_version', row.scoring_version);
              set('respondent', row.respondent);
              set(p.options.dates === 'shifted' ? 'date' : 'days', dateValue);
              set('score_status', row.score_status);
              set('total', row.total);
              set('band', row.band);
              set('caseness', row.caseness);
              for (const v of specific) set(v.suffix, v.read(source));
              longChunk.push(line);
            }
            if (wide && tp) {
              if (w.of !== who.id) {
                await flushWide();
                while (pending.length > 0 && pending[0].id !== who.id) {
                  startWide(pending.shift() as ExportedParticipant);
                  await flushWide();
                }
                startWide(pending.shift() as ExportedParticipant);
              }
              const target = w.row as unknown[];
              const put = (base: string, value: unknown) => {
                const i = wideIndex.get(p.layout.wideName(base, tp.key, row.session_number));
                if (i !== undefined) target[i] = value;
              };
              // The visit's date is that of its first answers (rows come in time order).
              const dateBase = p.options.dates === 'shifted' ? 'date' : 'days';
              const di = wideIndex.get(p.layout.wideName(dateBase, tp.key, row.session_number));
              if (di !== undefined && target[di] === null) target[di] = dateValue;
              const prefix = instrumentPrefix(row.instrument_id);
              put(`${prefix}_status`, row.score_status);
              put(`${prefix}_total`, row.total);
              put(`${prefix}_band`, row.band);
              put(`${prefix}_caseness`, row.caseness);
              for (const v of specific) put(v.suffix, v.read(source));
            }
          }
          if (long && longChunk.length > 0) await long.write(csvRows(longChunk));
          longRows += longChunk.length;
          rowsDone += rows.length;
          if (rows.length < ROW_BATCH) break;
          if (this.stopping) throw new Error('server shutting down');
        }
        if (wide) {
          await flushWide();
          for (const who of pending) {
            startWide(who);
            await flushWide();
          }
        }
      }
    }
    return longRows;
  }

  private async writeDescriptions(dir: string, p: Prepared): Promise<ExportFileInfo[]> {
    const formats = p.options.formats;
    const dataFiles: DataFile[] = [];
    if (formats.includes('long_csv'))
      dataFiles.push({ file: FILE_NAMES.long_csv, dataset: 'klik_long', variables: p.layout.long });
    if (formats.includes('wide_csv'))
      dataFiles.push({ file: FILE_NAMES.wide_csv, dataset: 'klik_wide', variables: p.layout.wide });
    const instruments = new Map<string, Instrument>();
    for (const tp of p.timepoints) for (const i of tp.instruments) instruments.set(i.id, i);
    const input: CodebookInput = {
      studyTitle: p.study.title,
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
    const title = `Klik export of "${p.study.title}" (${input.generatedAt.toISOString().slice(0, 10)})`;
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

function qiValues(
  cohortNames: Map<string, string>,
  row: { cohort_id: string; age_band: string | null; gender: string | null },
): QiValues {
  return {
    cohort: cohortNames.get(row.cohort_id) ?? UNKNOWN,
    age_band: row.age_band ?? UNKNOWN,
    gender: row.gender ?? UNKNOWN,
  };
}

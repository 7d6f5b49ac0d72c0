import { END_POST_MEASURE, type OutcomeMeasure } from '@klik/survey-model';
import type { AuthContext } from '../common/current-auth';
import type { TenancyService } from '../database/tenancy.service';
import { participantOutcome } from '../outcomes/participant-outcome';
import type { Study } from '../studies/study.entity';
import { csvRows } from './csv-format';
import type { ExportOptions } from './dto/export-options.dto';
import { consentStanding, latestConsents } from '../take/consent-standing';
import {
  CONSENT_VERSION,
  consentDateName,
  type ExportLayout,
  instrumentPrefix,
  type LayoutTimepoint,
  type OutcomeColumns,
} from './export-layout';
import type { ExportFileWriter } from './export-file.writer';
import { ExportRecord } from './export.entity';
import { type KAnonymityPlan, type QiValues, UNKNOWN } from './k-anonymity';
import { dateShiftDays, daysSince, exportCode, shiftedDate } from './pseudonym';

/** Participants read per transaction; their responses are then read in pages of {@link ROW_BATCH}. */
const PARTICIPANT_BATCH = 500;
const ROW_BATCH = 2_000;

/** What the job learnt before streaming: small, whatever the size of the study. */
export interface PreparedExport {
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

/** The running job as the data pass sees it. */
export interface DataJob {
  tenancy: TenancyService;
  auth: AuthContext;
  exportId: string;
  /** True once the server is shutting down: the pass stops at its next page. */
  stopping(): boolean;
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
  /** Version and exported date value of the participant's latest consent (null: none given). */
  consent: { version: number | null; date: unknown };
}

/**
 * Streams both CSVs in one pass: participants in id order (keyset pages of {@link PARTICIPANT_BATCH}, each page its
 * own short tenant transaction), each group's responses in (participant, time, id) keyset pages of about
 * {@link ROW_BATCH}. Memory holds one page and one wide row. Returns the number of long-file rows.
 */
export async function writeExportData(
  job: DataJob,
  p: PreparedExport,
  long: ExportFileWriter | null,
  wide: ExportFileWriter | null,
): Promise<number> {
  const { tenancy, auth, exportId } = job;
  const items = p.options.content.includes('items');
  const longIndex = new Map(p.layout.long.map((v, i) => [v.name, i]));
  const wideIndex = new Map(p.layout.wide.map((v, i) => [v.name, i]));
  // Column types decide how a cell is written: numbers stay numbers, text is defused against formulas.
  const longTypes = p.layout.long.map((v) => v.type);
  const wideTypes = p.layout.wide.map((v) => v.type);
  const timepoints = new Map(p.timepoints.map((tp) => [tp.id, tp]));
  const outcomeIds = new Set(p.layout.outcomes.map((outcome) => outcome.instrumentId));
  const consentDate = consentDateName(p.options.dates);
  let afterParticipant = '00000000-0000-0000-0000-000000000000';
  let rowsDone = 0;
  let longRows = 0;
  // 64-bit codes collide with odds of about 1e-9 at 200,000 participants; should it happen, the export fails
  // rather than merge two people (memory: one short string per participant, not per row).
  const codes = new Set<string>();
  for (;;) {
    if (job.stopping()) throw new Error('server shutting down');
    const batch = await tenancy.run(auth, async (m) => {
      await m.update(ExportRecord, exportId, { rowsDone });
      const participants = (await m.query(
        `SELECT p.id, p.cohort_id, p.attributes->>'age_band' AS age_band, p.attributes->>'gender' AS gender, p.enrolled_at,
                (SELECT count(*)::int FROM responses r WHERE r.participant_id = p.id AND r.status = 'submitted') AS n
           FROM eligible_participants p
          WHERE p.study_id = $1 AND p.institution_id = $2 AND p.id > $3
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
      // The latest consent of each: its version and date (take/consent-standing.ts; no renewal rule needed here).
      const consents = await latestConsents(m, participants.map((x) => x.id));
      return { participants, baselines, consents };
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
        if (codes.has(code)) throw new Error('two participants share an export code; the export was stopped');
        codes.add(code);
        const shift = dateShiftDays(p.secret, row.id);
        const baseline = batch.baselines.get(row.id) ?? new Date(row.enrolled_at);
        const standing = consentStanding(batch.consents.get(row.id) ?? null, null);
        const consentAt = standing.kind === 'none' ? null : standing.decidedAt;
        exported.set(row.id, {
          id: row.id,
          code,
          shift,
          baseline,
          qi,
          consent: {
            version: standing.kind === 'none' ? null : standing.version,
            date:
              consentAt === null
                ? null
                : p.options.dates === 'shifted'
                  ? shiftedDate(consentAt, shift)
                  : daysSince(consentAt, baseline),
          },
        });
      }
      // The wide row being filled: participants come in id order, so each row is complete when the next begins.
      const w: { row: unknown[] | null; of: string | null; measures: OutcomeRow[] } = {
        row: null,
        of: null,
        measures: [],
      };
      const flushWide = async () => {
        if (wide && w.row) {
          fillOutcomes(w.row, wideIndex, p.layout.outcomes, w.measures);
          await wide.write(csvRows([w.row], wideTypes));
        }
        w.row = null;
        w.measures = [];
      };
      const startWide = (who: ExportedParticipant) => {
        w.of = who.id;
        w.row = new Array<unknown>(p.layout.wide.length).fill(null);
        w.row[0] = who.code;
        for (const [qi, value] of Object.entries(who.qi)) w.row[wideIndex.get(qi) as number] = value;
        w.row[wideIndex.get(CONSENT_VERSION) as number] = who.consent.version;
        if (consentDate !== null) w.row[wideIndex.get(consentDate) as number] = who.consent.date;
      };
      const pending = [...exported.values()];
      let cursor: [string, string, string] | null = null;
      const ids = group.map((row) => row.id);
      const totalRows = group.reduce((s, row) => s + row.n, 0);
      while (totalRows > 0) {
        const rows: DataRow[] = await tenancy.run(auth, (m) =>
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
            set(CONSENT_VERSION, who.consent.version);
            if (consentDate !== null) set(consentDate, who.consent.date);
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
            if (outcomeIds.has(row.instrument_id)) {
              w.measures.push({
                instrumentId: row.instrument_id,
                timepointId: row.timepoint_id,
                timepointKind: tp.kind,
                timepointPosition: tp.position,
                sessionNumber: row.session_number,
                instrumentVersion: row.instrument_version,
                total: row.total === null ? null : Number(row.total),
              });
            }
            put(`${prefix}_status`, row.score_status);
            put(`${prefix}_total`, row.total);
            put(`${prefix}_band`, row.band);
            put(`${prefix}_caseness`, row.caseness);
            for (const v of specific) put(v.suffix, v.read(source));
          }
        }
        if (long && longChunk.length > 0) await long.write(csvRows(longChunk, longTypes));
        longRows += longChunk.length;
        rowsDone += rows.length;
        if (rows.length < ROW_BATCH) break;
        if (job.stopping()) throw new Error('server shutting down');
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

type OutcomeRow = OutcomeMeasure & { instrumentId: string };

/** A participant's outcome columns, from their measures, as `participantOutcome` defines pre and post. */
function fillOutcomes(
  row: unknown[],
  index: Map<string, number>,
  outcomes: readonly OutcomeColumns[],
  measures: readonly OutcomeRow[],
): void {
  for (const columns of outcomes) {
    const outcome = participantOutcome(
      columns.instrumentId,
      measures.filter((measure) => measure.instrumentId === columns.instrumentId),
      END_POST_MEASURE,
    );
    const set = (name: string, value: unknown) => {
      const i = index.get(name);
      if (i !== undefined) row[i] = value;
    };
    set(columns.pre, outcome.pre?.total ?? null);
    set(columns.post, outcome.post?.total ?? null);
    set(columns.change, outcome.pair?.change ?? null);
    set(columns.category, outcome.category);
    set(columns.version, outcome.pair?.version ?? null);
  }
}

export function qiValues(
  cohortNames: Map<string, string>,
  row: { cohort_id: string; age_band: string | null; gender: string | null },
): QiValues {
  return {
    cohort: cohortNames.get(row.cohort_id) ?? UNKNOWN,
    age_band: row.age_band ?? UNKNOWN,
    gender: row.gender ?? UNKNOWN,
  };
}

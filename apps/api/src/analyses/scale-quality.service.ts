import { Inject, Injectable } from '@nestjs/common';
import { cronbachAlpha, mcdonaldOmega } from '@klik/stats';
import { getInstrument, type Instrument } from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { finiteOrNull, filterConditions, type ResolvedFilter, resolveFilter } from './analysis-scores';
import type { ScaleQualityDto, ScaleQualityEntryDto } from './dto/analysis.dto';
import type { ScaleQualityQuery } from './dto/analysis-query.dto';

export const RESPONSE_RULE =
  "Per client and instrument version, the client's first submitted response in protocol order (baseline first, " +
  'then sessions by number); for an instrument whose scales can be not applicable (klik-disclosure when no ' +
  'disclosure was perceived), the first response where they apply. Items are reverse-keyed as the instrument ' +
  'scores them; a client missing any item of a scale is left out of that scale (listwise).';

/**
 * Internal consistency of every scale and subscale of the study's instruments in this sample: Cronbach's alpha with
 * its Feldt CI and McDonald's omega total (libs/stats), from the item answers of one response per client (see
 * {@link RESPONSE_RULE}); item keys and reverse-keyed items come from the instrument definitions in survey-model.
 */
@Injectable()
export class ScaleQualityService {
  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  scaleQuality(auth: AuthContext, studyId: string, query: ScaleQualityQuery): Promise<ScaleQualityDto> {
    return this.tenancy.run(auth, async (m) => {
      const resolved = await resolveFilter(m, auth, studyId, query);
      const used: { instrumentId: string; instrumentVersion: string }[] = await m.query(
        `SELECT DISTINCT instrument_id AS "instrumentId", instrument_version AS "instrumentVersion"
           FROM timepoint_instruments
          WHERE study_id = $1 ${resolved.timepoint ? 'AND timepoint_id = $2' : ''}
          ORDER BY 1, 2`,
        resolved.timepoint ? [resolved.study.id, resolved.timepoint.id] : [resolved.study.id],
      );
      const minN = this.config.analysisMinN;
      const scales: ScaleQualityEntryDto[] = [];
      // One instrument after the other on the one transaction (no parallel queries on a tenant transaction).
      for (const { instrumentId, instrumentVersion } of used) {
        if (query.instrumentVersion && query.instrumentVersion !== instrumentVersion) continue;
        const instrument = getInstrument(instrumentId, instrumentVersion);
        const answers = await firstResponses(m, auth, resolved, query, instrument);
        for (const scale of scaleDefinitions(instrument)) {
          scales.push(quality(instrument, scale, answers, minN));
        }
      }
      return { studyId, minN, responseRule: RESPONSE_RULE, scales };
    });
  }
}

interface ScaleDefinition {
  id: string;
  label: string;
  items: readonly string[];
}

/** The total (when the instrument has one) and each subscale, with two or more items (alpha needs two). */
function scaleDefinitions(instrument: Instrument): ScaleDefinition[] {
  const spec = instrument.scoring;
  const all: ScaleDefinition[] = [];
  if (spec.total) all.push({ id: 'total', label: `${instrument.name}: total`, items: spec.total.items });
  for (const subscale of spec.subscales) {
    all.push({ id: subscale.id, label: `${instrument.name}: ${subscale.label}`, items: subscale.items });
  }
  return all.filter((scale) => scale.items.length >= 2);
}

/** The answers of the first applicable submitted response per client (see RESPONSE_RULE). */
async function firstResponses(
  m: EntityManager,
  auth: AuthContext,
  resolved: ResolvedFilter,
  filter: ScaleQualityQuery,
  instrument: Instrument,
): Promise<Record<string, unknown>[]> {
  const where = filterConditions(resolved, filter, [
    resolved.study.id,
    auth.institutionId,
    instrument.id,
    instrument.version,
  ]);
  const parameters = where.params;
  let notApplicableFirst = '';
  const notApplicable = instrument.scoring.notApplicableWhen;
  if (notApplicable) {
    parameters.push(notApplicable.item, String(notApplicable.equals));
    notApplicableFirst = `CASE WHEN x.answers ->> $${parameters.length - 1} = $${parameters.length} THEN 1 ELSE 0 END, `;
  }
  const rows: { answers: Record<string, unknown> }[] = await m.query(
    `SELECT DISTINCT ON (x.participant_id) x.answers
       FROM responses x
       JOIN eligible_participants p ON p.id = x.participant_id
       JOIN timepoints t ON t.id = x.timepoint_id
      WHERE x.study_id = $1 AND x.institution_id = $2 AND x.instrument_id = $3 AND x.instrument_version = $4
        AND x.status = 'submitted'${where.sql}
      ORDER BY x.participant_id, ${notApplicableFirst}t.position, x.session_number NULLS FIRST`,
    parameters,
  );
  return rows.map((row) => row.answers);
}

function quality(
  instrument: Instrument,
  scale: ScaleDefinition,
  answers: Record<string, unknown>[],
  minN: number,
): ScaleQualityEntryDto {
  const reverse = instrument.scoring.reverse;
  const reversed = new Set(reverse?.items ?? []);
  const item = (values: Record<string, unknown>, id: string): number | null => {
    const value = values[id];
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    return reverse && reversed.has(id) ? reverse.min + reverse.max - value : value;
  };
  const matrix = answers
    .map((values) => scale.items.map((id) => item(values, id)))
    .filter((row) => row.every((value) => value !== null)) as number[][];
  const n = matrix.length;
  const entry: ScaleQualityEntryDto = {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    scale: scale.id,
    label: scale.label,
    items: scale.items.length,
    n,
    suppressed: n < minN,
    alpha: null,
    alphaCi: null,
    omega: null,
  };
  if (entry.suppressed) return entry;
  const alpha = orNull(() => cronbachAlpha(matrix));
  if (alpha) {
    entry.alpha = finiteOrNull(alpha.alpha);
    entry.alphaCi = entry.alpha === null || !alpha.ci.every(Number.isFinite) ? null : alpha.ci;
  }
  if (scale.items.length >= 3) entry.omega = finiteOrNull(orNull(() => mcdonaldOmega(matrix))?.omega ?? NaN);
  return entry;
}

/** libs/stats throws a RangeError when there is too little data: that is "no estimate", not an error. */
function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

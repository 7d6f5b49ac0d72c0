import { Inject, Injectable } from '@nestjs/common';
import {
  adjustPValues,
  cohensKappa,
  correlationMatrix,
  pearson,
  repeatedMeasuresCorrelation,
} from '@klik/stats';
import {
  DISCLOSURE_CONTENT_CODES,
  END_POST_MEASURE,
  getChangeCriteria,
  getInstrument,
  type PostMeasureRule,
} from '@klik/survey-model';
import type { AuthContext } from '../common/current-auth';
import { Cohort } from '../studies/cohort.entity';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { countGaps, displayedThresholds, participantOutcomes } from '../outcomes/participant-outcome';
import { finiteOrNull, groupBy, loadDetailedScores, loadScores } from './analysis-scores';
import {
  type ChangeInstrument,
  forRanking,
  PERSON_INSTRUMENTS,
  personColumns,
  readSessionVariable,
  SESSION_INSTRUMENT,
  type ScoreRow,
  type SessionVariable,
  sessionVariableLabel,
} from './analysis-variables';
import type {
  ChangeDto,
  ChangeGroupDto,
  CorrelationCellDto,
  CorrelationsDto,
  CorrelationStatisticDto,
  DyadAgreementDto,
  DyadsDto,
  WithinPersonDto,
} from './dto/analysis.dto';
import type { ChangeQuery, CorrelationsQuery, DyadsQuery, WithinPersonQuery } from './dto/analysis-query.dto';

const CATEGORIES = ['recovered', 'improved', 'unchanged', 'deteriorated'] as const;

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Analyses of a study's stored scores (never raw answers), computed with libs/stats inside the caller's tenant
 * transaction, so row-level security applies: a caller sees their own institution's participants (a practitioner:
 * only their own clients). A statistic on fewer participants than `KLIK_ANALYSIS_MIN_N` is suppressed.
 */
@Injectable()
export class AnalysesService {
  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  correlations(auth: AuthContext, studyId: string, query: CorrelationsQuery): Promise<CorrelationsDto> {
    const method = query.method ?? 'pearson';
    const adjust = query.adjust ?? 'none';
    return this.tenancy.run(auth, async (m) => {
      const { rows } = await loadScores(m, auth, studyId, query, PERSON_INSTRUMENTS);
      const { columns, labels, nClients } = personColumns(rows);
      const names = Object.keys(columns);
      const minN = this.config.analysisMinN;
      const ranked =
        method === 'pearson'
          ? columns
          : Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, forRanking(column)]));
      const matrix = nClients > 0 ? correlationMatrix(ranked, { method, adjust: 'none' }) : null;
      const cells: CorrelationCellDto[] = [];
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const cell = matrix?.cells[i][j] ?? { estimate: NaN, n: 0, p: NaN };
          const suppressed = cell.n < minN;
          const estimate = suppressed ? null : finiteOrNull(cell.estimate);
          cells.push({
            x: names[i],
            y: names[j],
            n: cell.n,
            suppressed,
            estimate,
            ci:
              estimate !== null && method === 'pearson'
                ? pearson(columns[names[i]], columns[names[j]]).ci
                : null,
            p: estimate === null ? null : finiteOrNull(cell.p),
            pAdjusted: null,
          });
        }
      }
      // The adjustment runs over the pairs that are shown: a suppressed cell is no test.
      const tested = cells.filter((cell) => cell.p !== null);
      adjustPValues(
        tested.map((cell) => cell.p as number),
        adjust,
      ).forEach((value, index) => (tested[index].pAdjusted = value));
      return {
        studyId,
        method,
        adjust,
        minN,
        nClients,
        variables: names.map((id) => ({
          id,
          label: labels[id],
          n: columns[id].filter((value) => value !== null).length,
        })),
        cells,
      };
    });
  }

  withinPerson(auth: AuthContext, studyId: string, query: WithinPersonQuery): Promise<WithinPersonDto> {
    const x: SessionVariable = query.x ?? 'alliance';
    const y: SessionVariable = query.y ?? 'checkin';
    return this.tenancy.run(auth, async (m) => {
      // Only the instruments the two measures come from.
      const { rows } = await loadScores(m, auth, studyId, query, [
        ...new Set([SESSION_INSTRUMENT[x], SESSION_INSTRUMENT[y]]),
      ]);
      // One observation per client and session where both measures exist.
      const sessions = new Map<string, { subject: string; x: number | null; y: number | null }>();
      for (const row of rows) {
        if (row.sessionNumber === null) continue;
        const key = `${row.participantId}:${row.sessionNumber}`;
        const entry = sessions.get(key) ?? { subject: row.participantId, x: null, y: null };
        entry.x ??= readSessionVariable(x, row);
        entry.y ??= readSessionVariable(y, row);
        sessions.set(key, entry);
      }
      const observations = [...sessions.values()].filter((entry) => entry.x !== null && entry.y !== null);
      const bySubject = groupBy(observations, (entry) => entry.subject);
      const minN = this.config.analysisMinN;
      const suppressed = bySubject.size < minN;
      const empty: CorrelationStatisticDto = { suppressed, estimate: null, ci: null, p: null, df: null };
      let within = empty;
      let between = empty;
      if (!suppressed) {
        within = estimated(() => {
          const result = repeatedMeasuresCorrelation(
            observations.map((entry) => entry.subject),
            observations.map((entry) => entry.x),
            observations.map((entry) => entry.y),
          );
          return { r: result.r, ci: result.ci, p: result.p, df: result.df };
        });
        const means = [...bySubject.values()].map((own) => [
          mean(own.map((entry) => entry.x as number)),
          mean(own.map((entry) => entry.y as number)),
        ]);
        between = estimated(() =>
          pearson(
            means.map(([meanX]) => meanX),
            means.map(([, meanY]) => meanY),
          ),
        );
      }
      return {
        studyId,
        x: { id: x, label: sessionVariableLabel(x) },
        y: { id: y, label: sessionVariableLabel(y) },
        minN,
        nClients: bySubject.size,
        nObservations: observations.length,
        within,
        between,
      };
    });
  }

  /**
   * Reliable and clinically significant change from the pre to the post measure, as `participantOutcome` defines
   * them: the end timepoint, or the timepoint of the `timepointId` filter (e.g. a follow-up; at a session timepoint
   * the client's latest session). Each client is classified with the published criteria of their own pair's
   * version; the cut-off and band shown are those of the filter's version or the most common one. Besides the
   * counts per cohort it returns what a pre/post scatter needs: the points, the cut-off and the band.
   */
  change(auth: AuthContext, studyId: string, query: ChangeQuery): Promise<ChangeDto> {
    const instrumentId: ChangeInstrument = query.instrument ?? 'phq-9';
    return this.tenancy.run(auth, async (m) => {
      const { study, timepoint, rows } = await loadDetailedScores(m, auth, studyId, query, [instrumentId], {
        timepoint: 'post',
        json: false,
      });
      if (timepoint?.kind === 'baseline') {
        throw AppError.validation([
          {
            field: 'timepointId',
            messages: ['timepointId must be a later timepoint than baseline for change'],
          },
        ]);
      }
      const cohorts = await m.find(Cohort, {
        where: {
          studyId: study.id,
          institutionId: auth.institutionId,
          ...(query.cohortId ? { id: query.cohortId } : {}),
        },
        order: { createdAt: 'ASC', name: 'ASC' },
      });
      const version =
        query.instrumentVersion && isKnownVersion(instrumentId, query.instrumentVersion)
          ? query.instrumentVersion
          : undefined;
      const rule: PostMeasureRule = timepoint
        ? { kind: 'timepoint', timepointId: timepoint.id }
        : END_POST_MEASURE;
      const outcomes = participantOutcomes(instrumentId, rows, rule, version);
      const cohortOf = new Map(rows.map((row) => [row.participantId, row.cohortId]));
      const paired = [...outcomes].filter(([, outcome]) => outcome.category !== null);
      const shown = displayedThresholds(
        instrumentId,
        paired.map(([, outcome]) => outcome.pair?.version as string),
        version,
      );
      const criteria = getChangeCriteria({ id: instrumentId, version: shown.version });
      const minN = this.config.analysisMinN;
      const group = (cohortId: string | null, cohortName: string | null): ChangeGroupDto => {
        const categories = paired
          .filter(([participantId]) => cohortId === null || cohortOf.get(participantId) === cohortId)
          .map(([, outcome]) => outcome.category as (typeof CATEGORIES)[number]);
        const n = categories.length;
        if (n < minN) return { cohortId, cohortName, n, suppressed: true, counts: null, percentages: null };
        const counts = Object.fromEntries(
          CATEGORIES.map((category) => [category, categories.filter((found) => found === category).length]),
        ) as ChangeGroupDto['counts'] & object;
        const percentages = Object.fromEntries(
          CATEGORIES.map((category) => [category, (100 * counts[category]) / n]),
        ) as ChangeGroupDto['percentages'] & object;
        return { cohortId, cohortName, n, suppressed: false, counts, percentages };
      };
      const all = group(null, null);
      const points = all.suppressed
        ? []
        : paired
            .map(([, outcome]) => ({
              pre: outcome.pair?.pre.total as number,
              post: outcome.pair?.post.total as number,
              category: outcome.category as (typeof CATEGORIES)[number],
            }))
            .sort((a, b) => a.pre - b.pre || a.post - b.post);
      return {
        studyId,
        instrument: {
          id: criteria.instrumentId,
          version: criteria.instrumentVersion,
          scoringVersion: criteria.scoringVersion,
        },
        cutoff: { ...(criteria.cutoff as NonNullable<typeof criteria.cutoff>) },
        reliableChange: {
          ...(criteria.reliableChange as NonNullable<typeof criteria.reliableChange>),
          threshold: shown.thresholds.threshold,
        },
        minN,
        all,
        cohorts: cohorts.map((cohort) => group(cohort.id, cohort.name)),
        points,
        band: { halfWidth: shown.thresholds.threshold, scoreRange: totalRange(instrumentId, shown.version) },
        post: { timepointId: timepoint?.id ?? null, timepointKind: timepoint?.kind ?? 'end' },
        excluded: countGaps(outcomes.values()),
      };
    });
  }

  /**
   * Client-practitioner agreement per disclosure content type, over dyads: one client's klik-disclosure and their
   * practitioner's klik-session-log for the same session number. Each side is the score's `derived` flag
   * `content.<code>` (1 shared, 0 not). When the client answered "never" (kd_frequency 0) or the practitioner
   * logged "not disclosed" (ksl_disclosed 0), survey-model's scoring already sets every content flag to 0: a
   * session without disclosure counts as "not shared" for every type on that side, so that "the practitioner
   * disclosed nothing, the client saw a disclosure" is a disagreement rather than a dropped session. A flag that
   * is null (content not answered) drops that dyad for that type (pairwise deletion, as libs/stats does).
   * Suppressed when fewer than KLIK_ANALYSIS_MIN_N clients contribute.
   */
  dyads(auth: AuthContext, studyId: string, query: DyadsQuery): Promise<DyadsDto> {
    return this.tenancy.run(auth, async (m) => {
      const { rows } = await loadScores(m, auth, studyId, query, ['klik-disclosure', 'klik-session-log']);
      const sessions = new Map<string, { subject: string; client?: ScoreRow; practitioner?: ScoreRow }>();
      for (const row of rows) {
        if (row.sessionNumber === null || row.timepointKind !== 'session') continue;
        const key = `${row.participantId}:${row.sessionNumber}`;
        const entry = sessions.get(key) ?? { subject: row.participantId };
        if (row.instrumentId === 'klik-disclosure') entry.client ??= row;
        else entry.practitioner ??= row;
        sessions.set(key, entry);
      }
      const dyads = [...sessions.values()].filter(
        (entry): entry is { subject: string; client: ScoreRow; practitioner: ScoreRow } =>
          entry.client !== undefined && entry.practitioner !== undefined,
      );
      const minN = this.config.analysisMinN;
      const contentTypes = DISCLOSURE_CONTENT_CODES.map((code): DyadAgreementDto => {
        const pairs = dyads
          .map((dyad) => ({
            subject: dyad.subject,
            client: contentFlag(dyad.client, code),
            practitioner: contentFlag(dyad.practitioner, code),
          }))
          .filter((pair) => pair.client !== null && pair.practitioner !== null) as {
          subject: string;
          client: number;
          practitioner: number;
        }[];
        const n = pairs.length;
        const nClients = new Set(pairs.map((pair) => pair.subject)).size;
        const suppressed = nClients < minN;
        const empty: DyadAgreementDto = {
          contentType: code,
          n,
          nClients,
          suppressed,
          percentAgreement: null,
          percentClient: null,
          percentPractitioner: null,
          kappa: null,
          ci: null,
          se: null,
          p: null,
        };
        if (suppressed || n === 0) return empty;
        const percent = (count: number) => (100 * count) / n;
        const described = {
          ...empty,
          percentAgreement: percent(pairs.filter((pair) => pair.client === pair.practitioner).length),
          percentClient: percent(pairs.filter((pair) => pair.client === 1).length),
          percentPractitioner: percent(pairs.filter((pair) => pair.practitioner === 1).length),
        };
        if (n < 2) return described;
        const result = cohensKappa(
          pairs.map((pair) => pair.client),
          pairs.map((pair) => pair.practitioner),
        );
        const kappa = finiteOrNull(result.kappa);
        return {
          ...described,
          kappa,
          ci: kappa === null ? null : result.ci,
          se: kappa === null ? null : finiteOrNull(result.se),
          p: kappa === null ? null : finiteOrNull(result.p),
        };
      });
      return {
        studyId,
        minN,
        nDyads: dyads.length,
        nClients: new Set(dyads.map((dyad) => dyad.subject)).size,
        contentTypes,
      };
    });
  }
}

/** The `content.<code>` flag of a klik-disclosure or klik-session-log score: 1, 0, or null when unknown. */
function contentFlag(row: ScoreRow, code: string): number | null {
  const value = row.derived[`content.${code}`];
  return value === 0 || value === 1 ? value : null;
}

/** A correlation that libs/stats could not estimate (constant values, too few observations) is shown as null. */
function estimated(
  compute: () => { r: number; ci: [number, number]; p: number; df: number },
): CorrelationStatisticDto {
  try {
    const result = compute();
    const estimate = finiteOrNull(result.r);
    return {
      suppressed: false,
      estimate,
      ci: estimate === null ? null : result.ci,
      p: estimate === null ? null : finiteOrNull(result.p),
      df: result.df,
    };
  } catch (error) {
    if (error instanceof RangeError)
      return { suppressed: false, estimate: null, ci: null, p: null, df: null };
    throw error;
  }
}

const isKnownVersion = (instrumentId: string, version: string): boolean => {
  try {
    getInstrument(instrumentId, version);
    return true;
  } catch {
    return false;
  }
};

/** Lowest and highest possible total of a sum-scored instrument (items times its main response scale). */
function totalRange(instrumentId: string, version: string): [number, number] {
  const instrument = getInstrument(instrumentId, version);
  const items = instrument.scoring.total?.items.length ?? 0;
  const scale = instrument.scales[0];
  return [items * scale.min, items * scale.max];
}

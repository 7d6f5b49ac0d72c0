import {
  type BivariateSummary,
  compareCorrelations,
  compareIndependentEstimates,
  createBivariateSummary,
  mergeSummaries,
  metaAnalysisCorrelations,
  proportionDifference,
  standardisedMeanChange,
  summaryPearson,
} from '@klik/stats';
import type {
  ComparisonDto,
  ComparisonInstitutionDto,
  CountCellDto,
  DifferenceDto,
  PercentCellDto,
  SuppressionReason,
} from './dto/comparison.dto';
import { type CellStatus, suppressTable } from './cell-suppression';
import type { InstitutionAggregate } from './institution-aggregates';

const COUNTS = [
  'participants',
  'invitationsSent',
  'invitationsCompleted',
  'changeN',
  'reliablyImproved',
  'recovered',
  'correlationN',
] as const;
type CountKey = (typeof COUNTS)[number];

/** whole - part counts people too (those not improved, not recovered, improved but not recovered). */
const COMPLEMENTS = [
  ['changeN', 'reliablyImproved'],
  ['changeN', 'recovered'],
  ['reliablyImproved', 'recovered'],
] as const;

/** A shown part would bound a hidden whole: a hidden whole hides the part. */
const NESTED = [
  ['participants', 'invitationsSent'],
  ['invitationsSent', 'invitationsCompleted'],
  ['participants', 'changeN'],
  ['changeN', 'reliablyImproved'],
  ['reliablyImproved', 'recovered'],
  ['changeN', 'correlationN'],
] as const;

export interface ComparisonViewer {
  institutionId: string;
  /** Whether the viewer may see their own institution's counts unsuppressed (staff other than practitioners). */
  knowsOwnRow: boolean;
}

const reasonOf = (...statuses: CellStatus[]): SuppressionReason | null =>
  statuses.includes('primary') ? 'primary' : statuses.includes('secondary') ? 'secondary' : null;

const letter = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : String(index + 1));

const emptyDifference = (suppressed: SuppressionReason | null): DifferenceDto => ({
  estimate: null,
  ci: null,
  p: null,
  rest: null,
  restInstitutions: 0,
  suppressed,
});

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

const mergeAll = (summaries: BivariateSummary[]): BivariateSummary =>
  summaries.reduce((merged, summary) => mergeSummaries(merged, summary), createBivariateSummary());

/**
 * Builds the comparison from per-institution sufficient statistics for one viewer: small-cell suppression (with
 * the viewer's own row known), then every statistic only from what is shown. A statistic is shown when its counts
 * are shown and it rests on at least `minN` participants; the rest of a comparison and the pooled estimate are made
 * of shown institutions only, so no suppressed institution contributes a number to the response. Pure.
 */
export function buildComparison(
  aggregates: readonly InstitutionAggregate[],
  viewer: ComparisonViewer,
  minN: number,
): Pick<ComparisonDto, 'institutions' | 'total' | 'pooled'> {
  const count = (row: InstitutionAggregate, key: CountKey): number =>
    key === 'correlationN' ? row.allianceChange.n : row[key];
  const columns = Object.fromEntries(
    COUNTS.map((key) => [key, aggregates.map((row) => count(row, key))]),
  ) as Record<CountKey, number[]>;
  const own = aggregates.map((row) => row.institutionId === viewer.institutionId);
  const { cells, totals } = suppressTable({
    threshold: minN,
    columns,
    known: own.map((isOwn) => isOwn && viewer.knowsOwnRow),
    complements: COMPLEMENTS,
    nested: NESTED,
  });

  const countCell = (status: CellStatus, value: number): CountCellDto =>
    status === 'shown' ? { value, suppressed: null } : { value: null, suppressed: status };
  /** A percentage needs both counts shown and a basis of at least minN participants (own rows included). */
  const percentCell = (
    part: CellStatus,
    whole: CellStatus,
    numerator: number,
    denominator: number,
    basis: number,
  ): PercentCellDto => {
    const reason = reasonOf(part, whole) ?? (basis < minN ? 'primary' : null);
    if (reason) return { value: null, suppressed: reason };
    return { value: denominator > 0 ? (100 * numerator) / denominator : null, suppressed: null };
  };

  // Which statistic each row shows, and why not.
  const rows = aggregates.map((row, i) => {
    const status = (key: CountKey) => cells[key][i];
    const effect = standardisedMeanChange(row.prePost);
    const effectReason = reasonOf(status('changeN')) ?? (row.changeN < minN ? 'primary' : null);
    const correlationReason =
      reasonOf(status('correlationN'), status('changeN')) ?? (row.allianceChange.n < minN ? 'primary' : null);
    return {
      row,
      responseRate: percentCell(
        status('invitationsCompleted'),
        status('invitationsSent'),
        row.invitationsCompleted,
        row.invitationsSent,
        row.participants,
      ),
      percentReliablyImproved: percentCell(
        status('reliablyImproved'),
        status('changeN'),
        row.reliablyImproved,
        row.changeN,
        row.changeN,
      ),
      percentRecovered: percentCell(
        status('recovered'),
        status('changeN'),
        row.recovered,
        row.changeN,
        row.changeN,
      ),
      effect,
      effectShown:
        effectReason === null && Number.isFinite(effect.estimate) && Number.isFinite(effect.variance),
      effectReason,
      // Fisher z (CI, pooling, comparison) needs n >= 4 and |r| < 1; otherwise not estimable, without a reason.
      correlationShown:
        correlationReason === null &&
        row.correlation !== null &&
        row.allianceChange.n >= 4 &&
        Math.abs(row.correlation.r) < 1,
      correlationReason,
    };
  });

  const pooledRows = rows.filter((entry) => entry.correlationShown);
  const meta =
    pooledRows.length > 0
      ? metaAnalysisCorrelations(
          pooledRows.map((entry) => ({ r: entry.row.correlation?.r, n: entry.row.allianceChange.n })),
          { method: 'REML', test: 'adhoc' },
        )
      : null;
  const labels = aggregates.map((_, i) => `Institution ${letter(i)}`);

  const proportionVersusRest = (
    i: number,
    shown: (entry: (typeof rows)[number]) => boolean,
    reason: SuppressionReason | null,
    numerator: (row: InstitutionAggregate) => number,
    denominator: (row: InstitutionAggregate) => number,
  ): DifferenceDto => {
    if (!shown(rows[i])) return emptyDifference(reason);
    const rest = rows.filter((entry, j) => j !== i && shown(entry)).map((entry) => entry.row);
    const restCount = rest.reduce((sum, row) => sum + numerator(row), 0);
    const restN = rest.reduce((sum, row) => sum + denominator(row), 0);
    const self = aggregates[i];
    if (restN === 0 || denominator(self) === 0) return emptyDifference(null);
    const result = proportionDifference(
      { count: numerator(self), n: denominator(self) },
      { count: restCount, n: restN },
    );
    return {
      estimate: 100 * result.difference,
      ci: [100 * result.ci[0], 100 * result.ci[1]],
      p: finite(result.p),
      rest: (100 * restCount) / restN,
      restInstitutions: rest.length,
      suppressed: null,
    };
  };

  const institutions = aggregates.map((row, i): ComparisonInstitutionDto => {
    const entry = rows[i];
    const status = (key: CountKey) => cells[key][i];
    const others = (shown: (candidate: (typeof rows)[number]) => boolean) =>
      rows.filter((candidate, j) => j !== i && shown(candidate));

    let effectSize = emptyDifference(entry.effectReason);
    if (entry.effectShown) {
      const rest = others((candidate) => candidate.effectShown);
      const restEffect = standardisedMeanChange(mergeAll(rest.map((candidate) => candidate.row.prePost)));
      effectSize = emptyDifference(null);
      if (rest.length > 0 && Number.isFinite(restEffect.estimate) && Number.isFinite(restEffect.variance)) {
        const result = compareIndependentEstimates(entry.effect, restEffect);
        effectSize = {
          estimate: result.difference,
          ci: result.ci,
          p: result.p,
          rest: restEffect.estimate,
          restInstitutions: rest.length,
          suppressed: null,
        };
      }
    }

    let correlation = emptyDifference(entry.correlationReason);
    if (entry.correlationShown && row.correlation) {
      const rest = others((candidate) => candidate.correlationShown);
      const restSummary = summaryPearson(mergeAll(rest.map((candidate) => candidate.row.allianceChange)));
      correlation = emptyDifference(null);
      if (rest.length > 0 && Math.abs(restSummary.r) < 1 && restSummary.n >= 4) {
        const result = compareCorrelations(
          { r: row.correlation.r, n: row.allianceChange.n },
          { r: restSummary.r, n: restSummary.n },
        );
        correlation = {
          estimate: result.difference,
          ci: result.ci,
          p: result.p,
          rest: restSummary.r,
          restInstitutions: rest.length,
          suppressed: null,
        };
      }
    }

    const pooledIndex = pooledRows.indexOf(entry);
    return {
      label: labels[i],
      name: own[i] ? row.name : null,
      own: own[i],
      participants: countCell(status('participants'), row.participants),
      invitationsSent: countCell(status('invitationsSent'), row.invitationsSent),
      invitationsCompleted: countCell(status('invitationsCompleted'), row.invitationsCompleted),
      responseRate: entry.responseRate,
      changeN: countCell(status('changeN'), row.changeN),
      reliablyImproved: countCell(status('reliablyImproved'), row.reliablyImproved),
      recovered: countCell(status('recovered'), row.recovered),
      percentReliablyImproved: entry.percentReliablyImproved,
      percentRecovered: entry.percentRecovered,
      effectSize: entry.effectShown
        ? { estimate: entry.effect.estimate, ci: entry.effect.ci, n: row.changeN, suppressed: null }
        : { estimate: null, ci: null, n: null, suppressed: entry.effectReason },
      correlation:
        entry.correlationShown && row.correlation
          ? {
              estimate: row.correlation.r,
              ci: row.correlation.ci,
              n: row.allianceChange.n,
              weight: meta && pooledIndex >= 0 ? meta.weights[pooledIndex] : null,
              suppressed: null,
            }
          : { estimate: null, ci: null, n: null, weight: null, suppressed: entry.correlationReason },
      versusRest: {
        responseRate: proportionVersusRest(
          i,
          (candidate) => candidate.responseRate.value !== null,
          entry.responseRate.suppressed,
          (r) => r.invitationsCompleted,
          (r) => r.invitationsSent,
        ),
        percentReliablyImproved: proportionVersusRest(
          i,
          (candidate) => candidate.percentReliablyImproved.value !== null,
          entry.percentReliablyImproved.suppressed,
          (r) => r.reliablyImproved,
          (r) => r.changeN,
        ),
        percentRecovered: proportionVersusRest(
          i,
          (candidate) => candidate.percentRecovered.value !== null,
          entry.percentRecovered.suppressed,
          (r) => r.recovered,
          (r) => r.changeN,
        ),
        effectSize,
        correlation,
      },
    };
  });

  const sumOf = (key: CountKey) => columns[key].reduce((sum, value) => sum + value, 0);
  const totalCell = (key: CountKey) => countCell(totals[key], sumOf(key));
  return {
    institutions,
    total: {
      participants: totalCell('participants'),
      invitationsSent: totalCell('invitationsSent'),
      invitationsCompleted: totalCell('invitationsCompleted'),
      responseRate: percentCell(
        totals.invitationsCompleted,
        totals.invitationsSent,
        sumOf('invitationsCompleted'),
        sumOf('invitationsSent'),
        sumOf('participants'),
      ),
      changeN: totalCell('changeN'),
      reliablyImproved: totalCell('reliablyImproved'),
      recovered: totalCell('recovered'),
      percentReliablyImproved: percentCell(
        totals.reliablyImproved,
        totals.changeN,
        sumOf('reliablyImproved'),
        sumOf('changeN'),
        sumOf('changeN'),
      ),
      percentRecovered: percentCell(
        totals.recovered,
        totals.changeN,
        sumOf('recovered'),
        sumOf('changeN'),
        sumOf('changeN'),
      ),
      correlationN: totalCell('correlationN'),
    },
    pooled: meta && {
      method: 'REML',
      test: meta.test === 'z' ? 'z' : 'adhoc',
      k: meta.k,
      institutions: pooledRows.map((entry) => labels[aggregates.indexOf(entry.row)]),
      estimate: meta.estimate,
      ci: meta.ci,
      predictionInterval: meta.predictionInterval,
      p: meta.p,
      tau2: meta.tau2,
      i2: meta.i2,
      q: meta.q,
      qDf: meta.qDf,
      qP: meta.qP,
    },
  };
}

import { Injectable } from '@nestjs/common';
import type { PostMeasureRule } from '@klik/survey-model';
import type { AuthContext } from '../common/current-auth';
import { TenancyService } from '../database/tenancy.service';
import { participantOutcome } from '../outcomes/participant-outcome';
import { groupBy, loadDetailedScores } from './analysis-scores';
import {
  CHANGE_INSTRUMENTS,
  readSessionVariable,
  type ScoreRow as BaseRow,
  type ScoreRowDetails,
} from './analysis-variables';

type ScoreRow = BaseRow & ScoreRowDetails;
import type { AlertDto, AlertMeasureDto, AlertsDto } from './dto/analysis.dto';
import { ALERT_RULES, type AlertsQuery, DEFAULT_ALLIANCE_DROP } from './dto/analysis-query.dto';

/** Rounding slack: alliance scores are means of 15 items, so a drop of exactly 0.6 may come out as 0.59999... */
const EPSILON = 1e-9;

type Candidate = Omit<AlertDto, 'participantCode' | 'from' | 'to'> & {
  from: ScoreRow;
  to: ScoreRow;
  values: [number, number];
};

/**
 * The practitioner view: clients whose alliance dropped between consecutive sessions, or whose outcome deteriorated
 * reliably from baseline to the latest measure (the outcome module's `latest` rule). A practitioner sees only their own clients; researchers and admins
 * see their institution's, optionally for one practitioner. This is a caseload list, not a statistic: no minimum n.
 */
@Injectable()
export class AlertsService {
  constructor(private readonly tenancy: TenancyService) {}

  alerts(auth: AuthContext, studyId: string, query: AlertsQuery): Promise<AlertsDto> {
    const rules = new Set(query.rules ?? ALERT_RULES);
    const allianceDrop = rules.has('alliance_drop') ? (query.allianceDrop ?? DEFAULT_ALLIANCE_DROP) : null;
    const deterioration = rules.has('reliable_deterioration');
    const outcomeInstruments = deterioration ? [...CHANGE_INSTRUMENTS] : [];
    return this.tenancy.run(auth, async (m) => {
      const instruments = [...(allianceDrop !== null ? ['klik-alliance'] : []), ...outcomeInstruments];
      // Clients in scope are counted over every instrument the rules read, so the count does not depend on the rules.
      // Totals only: the alliance rule reads the klik-alliance total, the deterioration rule the outcome totals.
      const { rows } = await loadDetailedScores(
        m,
        auth,
        studyId,
        query,
        ['klik-alliance', ...CHANGE_INSTRUMENTS],
        {
          timepoint: 'post',
          json: false,
        },
      );
      const people = groupBy(
        rows.filter((row) => instruments.includes(row.instrumentId)),
        (row) => row.participantId,
      );
      const candidates: Candidate[] = [];
      for (const [participantId, own] of people) {
        if (allianceDrop !== null)
          candidates.push(...allianceDrops(participantId, own, allianceDrop, query.timepointId));
        for (const instrumentId of outcomeInstruments) {
          const found = deteriorated(participantId, own, instrumentId, query.timepointId);
          if (found) candidates.push(found);
        }
      }
      const participantIds = [...new Set(candidates.map((candidate) => candidate.participantId))];
      const responseIds = [
        ...new Set(candidates.flatMap((candidate) => [candidate.from.responseId, candidate.to.responseId])),
      ];
      const codes = new Map<string, string>(
        participantIds.length === 0
          ? []
          : (
              (await m.query('SELECT id, code FROM participants WHERE id = ANY($1)', [participantIds])) as {
                id: string;
                code: string;
              }[]
            ).map((row) => [row.id, row.code]),
      );
      const dates = new Map<string, Date | null>(
        responseIds.length === 0
          ? []
          : (
              (await m.query('SELECT id, submitted_at AS "submittedAt" FROM responses WHERE id = ANY($1)', [
                responseIds,
              ])) as { id: string; submittedAt: Date | null }[]
            ).map((row) => [row.id, row.submittedAt]),
      );
      const measure = (row: ScoreRow, value: number): AlertMeasureDto => {
        const date = dates.get(row.responseId);
        return {
          timepointKey: row.timepointKey,
          timepointKind: row.timepointKind,
          sessionNumber: row.sessionNumber,
          value,
          date: date ? new Date(date).toISOString() : null,
        };
      };
      const alerts: AlertDto[] = candidates.map(({ from, to, values, ...rest }) => ({
        ...rest,
        participantCode: codes.get(rest.participantId) ?? '',
        from: measure(from, values[0]),
        to: measure(to, values[1]),
      }));
      alerts.sort(
        (a, b) =>
          (b.to.date ?? '').localeCompare(a.to.date ?? '') ||
          a.participantCode.localeCompare(b.participantCode),
      );
      return {
        studyId,
        rules: { allianceDrop, reliableDeterioration: deterioration, outcomeInstruments },
        nClients: new Set(rows.map((row) => row.participantId)).size,
        alerts,
      };
    });
  }
}

/** Each drop of at least `threshold` between a session's alliance and the client's next measured session. */
function allianceDrops(
  participantId: string,
  own: ScoreRow[],
  threshold: number,
  timepointId: string | undefined,
): Candidate[] {
  const sessions = own
    .filter((row) => row.instrumentId === 'klik-alliance' && row.sessionNumber !== null)
    .filter((row) => timepointId === undefined || row.timepointId === timepointId)
    .map((row) => ({ row, value: readSessionVariable('alliance', row) }))
    .filter((entry): entry is { row: ScoreRow; value: number } => entry.value !== null)
    .sort((a, b) => (a.row.sessionNumber as number) - (b.row.sessionNumber as number));
  const found: Candidate[] = [];
  for (let i = 1; i < sessions.length; i++) {
    const before = sessions[i - 1];
    const after = sessions[i];
    const change = after.value - before.value;
    if (-change >= threshold - EPSILON) {
      found.push({
        participantId,
        rule: 'alliance_drop',
        instrumentId: 'klik-alliance',
        change,
        threshold,
        from: before.row,
        to: after.row,
        values: [before.value, after.value],
      });
    }
  }
  return found;
}

/**
 * Reliable deterioration (Jacobson & Truax with the published reliable-change value of the pair's version) from the
 * pre measure to the latest later measure (or to the filter's timepoint), as `participantOutcome` defines them.
 */
function deteriorated(
  participantId: string,
  own: ScoreRow[],
  instrumentId: string,
  timepointId: string | undefined,
): Candidate | null {
  const rule: PostMeasureRule = timepointId ? { kind: 'timepoint', timepointId } : { kind: 'latest' };
  const outcome = participantOutcome(
    instrumentId,
    own.filter((row) => row.instrumentId === instrumentId),
    rule,
  );
  if (outcome.reliable !== 'deteriorated' || !outcome.pair || !outcome.thresholds) return null;
  const { pre, post, change } = outcome.pair;
  return {
    participantId,
    rule: 'reliable_deterioration',
    instrumentId,
    change,
    threshold: outcome.thresholds.threshold,
    from: pre,
    to: post,
    values: [pre.total as number, post.total as number],
  };
}

import { Inject, Injectable } from '@nestjs/common';
import {
  type FixedEffectEstimate,
  linearMixedModel,
  mean,
  meanConfidenceInterval,
  mixedModelTrajectory,
} from '@klik/stats';
import type { AuthContext } from '../common/current-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { finiteOrNull, loadScores } from './analysis-scores';
import {
  readSessionVariable,
  SESSION_INSTRUMENT,
  sessionVariableLabel,
  trajectorySessionVariable,
} from './analysis-variables';
import type {
  BandPointDto,
  MixedModelDto,
  SessionMeanDto,
  TrajectoriesDto,
  TrajectorySeriesDto,
} from './dto/analysis.dto';
import type { TrajectoriesQuery } from './dto/analysis-query.dto';

/**
 * Session-by-session trajectories of one session measure: each client's series (anonymous), the mean per session
 * with its t interval, and the mixed-model trajectory (libs/stats linearMixedModel: REML, random intercept and slope
 * of the session number per client) with a Wald band for the fitted mean line.
 */
@Injectable()
export class TrajectoryService {
  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  trajectories(auth: AuthContext, studyId: string, query: TrajectoriesQuery): Promise<TrajectoriesDto> {
    const requested = query.variable ?? 'alliance';
    const variable = trajectorySessionVariable(requested);
    return this.tenancy.run(auth, async (m) => {
      // The alliance is the instrument's total; the other measures are subscales or derived values.
      const { rows } = await loadScores(m, auth, studyId, query, [SESSION_INSTRUMENT[variable]], {
        json: variable !== 'alliance',
      });
      // One value per client and session number (the first, should a protocol ask twice).
      const byClient = new Map<string, Map<number, number>>();
      for (const row of rows) {
        const value = readSessionVariable(variable, row);
        if (value === null || row.sessionNumber === null) continue;
        const own = byClient.get(row.participantId) ?? new Map<number, number>();
        if (!own.has(row.sessionNumber)) own.set(row.sessionNumber, value);
        byClient.set(row.participantId, own);
      }
      const minN = this.config.analysisMinN;
      const nClients = byClient.size;
      const nObservations = [...byClient.values()].reduce((sum, own) => sum + own.size, 0);
      const suppressed = nClients < minN;
      const base = {
        studyId,
        variable: { id: requested, label: sessionVariableLabel(variable) },
        minN,
        nClients,
        nObservations,
        suppressed,
      };
      if (suppressed) return { ...base, series: [], means: [], model: null };

      // Participant ids are random UUIDs: ordering by them gives the series an order that means nothing.
      const clients = [...byClient.keys()].sort();
      const series: TrajectorySeriesDto[] = clients.map((id, index) => ({
        series: index + 1,
        points: [...(byClient.get(id) as Map<number, number>).entries()]
          .sort(([a], [b]) => a - b)
          .map(([session, value]) => ({ session, value })),
      }));

      const perSession = new Map<number, number[]>();
      for (const own of byClient.values()) {
        for (const [session, value] of own) {
          const values = perSession.get(session);
          if (values) values.push(value);
          else perSession.set(session, [value]);
        }
      }
      const means: SessionMeanDto[] = [...perSession.entries()]
        .sort(([a], [b]) => a - b)
        .map(([session, values]) => sessionMean(session, values, minN));

      return { ...base, series, means, model: this.model(byClient) };
    });
  }

  private model(byClient: Map<string, Map<number, number>>): MixedModelDto | null {
    const y: number[] = [];
    const time: number[] = [];
    const subject: string[] = [];
    for (const [id, own] of byClient) {
      for (const [session, value] of own) {
        y.push(value);
        time.push(session);
        subject.push(id);
      }
    }
    let fit;
    try {
      fit = linearMixedModel({ y, time, subject });
    } catch (error) {
      // Too few sessions per client, or every session the same: no trajectory to estimate.
      if (error instanceof RangeError) return null;
      throw error;
    }
    const sessions = time.reduce(
      (range, value) => [Math.min(range[0], value), Math.max(range[1], value)],
      [Infinity, -Infinity],
    );
    const wholeSessions = Array.from(
      { length: sessions[1] - sessions[0] + 1 },
      (_, index) => sessions[0] + index,
    );
    const trajectory = mixedModelTrajectory(fit, wholeSessions);
    const wald = ({ estimate, se, ci }: FixedEffectEstimate) => ({
      estimate,
      se,
      ci: Number.isFinite(se) ? ci : null,
    });
    const fitted: BandPointDto[] = trajectory.points.map((point) => ({
      x: point.time,
      fit: point.fit,
      lower: finiteOrNull(point.lower),
      upper: finiteOrNull(point.upper),
    }));
    return {
      intercept: wald(trajectory.intercept),
      slope: wald(trajectory.slope),
      variance: {
        intercept: fit.varIntercept,
        slope: fit.varSlope,
        covariance: fit.covariance,
        correlation: finiteOrNull(fit.corr),
        residual: fit.varResidual,
      },
      singular: fit.singular,
      converged: fit.converged,
      nObservations: fit.n,
      nClients: fit.subjects,
      fitted,
    };
  }
}

/** Mean of one session's values with a t-based 95% CI (n - 1 df); suppressed under minN clients. */
function sessionMean(session: number, values: number[], minN: number): SessionMeanDto {
  const n = values.length;
  if (n < minN) return { session, n, suppressed: true, mean: null, ci: null };
  if (n < 2) return { session, n, suppressed: false, mean: mean(values), ci: null };
  const result = meanConfidenceInterval(values);
  return { session, n, suppressed: false, mean: result.mean, ci: result.ci };
}

import { Inject, Injectable } from '@nestjs/common';
import { confidenceBand, linearRegression, pearson } from '@klik/stats';
import type { AuthContext } from '../common/current-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { finiteOrNull, loadScores } from './analysis-scores';
import { personColumns, personVariableSource } from './analysis-variables';
import type { CorrelationStatisticDto, RegressionLineDto, ScatterDto } from './dto/analysis.dto';
import type { ScatterQuery } from './dto/analysis-query.dto';

/** Points of the confidence band across the x range. */
const BAND_POINTS = 50;

/**
 * Scatter of two person-level measures of the correlation table: the points (no identifiers), Pearson r with its
 * CI, the least-squares line and the 95% confidence band of the mean (libs/stats linearRegression, confidenceBand).
 */
@Injectable()
export class ScatterService {
  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  scatter(auth: AuthContext, studyId: string, query: ScatterQuery): Promise<ScatterDto> {
    const xId = query.x ?? 'alliance';
    const yId = query.y ?? 'phq9.change';
    return this.tenancy.run(auth, async (m) => {
      // Only the rows the two variables come from (reading rows dominates the cost at 10^5 rows).
      const sources = [personVariableSource(xId), personVariableSource(yId)];
      const { rows } = await loadScores(
        m,
        auth,
        studyId,
        query,
        [...new Set(sources.map((s) => s.instrumentId))],
        {
          json: sources.some((source) => source.json),
        },
      );
      const { columns, labels } = personColumns(rows);
      const xs = columns[xId] ?? [];
      const ys = columns[yId] ?? [];
      const pairs: { x: number; y: number }[] = [];
      xs.forEach((x, index) => {
        const y = ys[index];
        if (x !== null && y !== null) pairs.push({ x, y });
      });
      // Sorted, so the order of the points says nothing about enrolment or codes.
      pairs.sort((a, b) => a.x - b.x || a.y - b.y);
      const minN = this.config.analysisMinN;
      const n = pairs.length;
      const suppressed = n < minN;
      const base = {
        studyId,
        x: { id: xId, label: labels[xId] },
        y: { id: yId, label: labels[yId] },
        minN,
        n,
        suppressed,
      };
      const none: CorrelationStatisticDto = { suppressed, estimate: null, ci: null, p: null, df: null };
      if (suppressed) return { ...base, points: [], correlation: none, regression: null, band: [] };
      const x = pairs.map((pair) => pair.x);
      const y = pairs.map((pair) => pair.y);
      const r = pearson(x, y);
      const estimate = finiteOrNull(r.r);
      const correlation: CorrelationStatisticDto = {
        suppressed: false,
        estimate,
        ci: estimate === null || !Number.isFinite(r.ci[0]) ? null : r.ci,
        p: estimate === null ? null : finiteOrNull(r.p),
        df: r.df,
      };
      const fit = linearRegression(x, y);
      if (!Number.isFinite(fit.slope.estimate))
        return { ...base, points: pairs, correlation, regression: null, band: [] };
      const coefficient = (c: typeof fit.slope) => ({
        estimate: c.estimate,
        se: c.se,
        ci: Number.isFinite(c.ci[0]) ? c.ci : null,
      });
      const regression: RegressionLineDto = {
        intercept: coefficient(fit.intercept),
        slope: coefficient(fit.slope),
        residualSe: fit.residualSe,
        rSquared: fit.rSquared,
        df: fit.df,
      };
      const band = confidenceBand(fit, { range: [x[0], x[n - 1]], points: BAND_POINTS }).map((point) => ({
        x: point.x,
        fit: point.fit,
        lower: finiteOrNull(point.lower),
        upper: finiteOrNull(point.upper),
      }));
      return { ...base, points: pairs, correlation, regression, band };
    });
  }
}

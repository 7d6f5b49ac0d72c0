import { Inject, Injectable } from '@nestjs/common';
import { getChangeCriteria } from '@klik/survey-model';
import type { AuthContext } from '../common/current-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { displayedThresholds } from '../outcomes/participant-outcome';
import { findVisibleStudy } from '../studies/study-access';
import { buildComparison } from './comparison-table';
import type { ComparisonDto } from './dto/comparison.dto';
import type { ComparisonQuery } from './dto/comparison-query.dto';
import { loadInstitutionAggregates } from './institution-aggregates';

/**
 * Privacy-safe comparison of the institutions taking part in a study. The study must be visible to the caller
 * (checked under row-level security); the per-institution sufficient statistics are then read outside it, because
 * they span institutions, and only suppressed aggregates are returned (see comparison-table.ts and
 * apps/api/docs/comparison.md).
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async compare(auth: AuthContext, studyId: string, query: ComparisonQuery): Promise<ComparisonDto> {
    const instrumentId = query.instrument ?? 'phq-9';
    const study = await this.tenancy.run(auth, (m) => findVisibleStudy(m, auth, studyId));
    const aggregates = await this.tenancy.runAsSystem((m) =>
      loadInstitutionAggregates(m, study.id, instrumentId),
    );
    // Each pair was classified with its own version's criteria; those shown are chosen as the change analysis does.
    const shown = displayedThresholds(
      instrumentId,
      aggregates.flatMap((aggregate) => aggregate.versions),
    );
    const criteria = getChangeCriteria({ id: instrumentId, version: shown.version });
    const minN = this.config.analysisMinN;
    return {
      studyId: study.id,
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
      ...buildComparison(
        aggregates,
        // A practitioner sees only their own clients elsewhere, so their institution's row is suppressed for them
        // like any other institution's.
        { institutionId: auth.institutionId, knowsOwnRow: auth.role !== 'practitioner' },
        minN,
      ),
    };
  }
}

import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../database/sql-conditions';
import { ConsentVersion } from '../studies/consent-version.entity';
import {
  consentStanding,
  latestConsents,
  renewalVersion as renewalVersionOf,
} from '../take/consent-standing';
import type { MonitoringConsentDto } from './dto/monitoring.dto';

/**
 * Consent per version over the monitored participants (issue 11): whose latest consent is to which version, who
 * never consented, who is asked to consent again and has not yet, and who withdrew by declining that. The standing
 * of each participant is `consentStanding`, as on the participant page.
 */
export async function consentSummary(
  m: EntityManager,
  scope: { studyId: string; institutionId: string; cohortId?: string; practitionerId?: string },
  participantIds: readonly string[],
): Promise<MonitoringConsentDto> {
  const versions = await m.find(ConsentVersion, {
    where: { studyId: scope.studyId },
    order: { version: 'ASC' },
  });
  const renewalVersion = await renewalVersionOf(m, scope.studyId);
  const latest = await latestConsents(m, participantIds);
  const perVersion = new Map<number, number>();
  let notConsented = 0;
  let renewalPending = 0;
  for (const id of participantIds) {
    const standing = consentStanding(latest.get(id) ?? null, renewalVersion);
    if (standing.kind === 'none') {
      notConsented++;
      continue;
    }
    perVersion.set(standing.version, (perVersion.get(standing.version) ?? 0) + 1);
    if (standing.kind === 'renewal_required') renewalPending++;
  }
  // Withdrawn participants are no longer monitored, but how many left by declining renewed consent is worth seeing.
  const where = new SqlConditions([scope.studyId, scope.institutionId])
    .when(scope.cohortId, 'p.cohort_id = ?', scope.cohortId)
    .when(scope.practitionerId, 'p.practitioner_id = ?', scope.practitionerId);
  const [{ n: declinedRenewal }] = (await m.query(
    `SELECT count(DISTINCT w.participant_id)::int AS n
       FROM withdrawals w JOIN participants p ON p.id = w.participant_id
      WHERE w.study_id = $1 AND w.institution_id = $2 AND w.reason = 'consent_declined'${where.sql}`,
    where.params,
  )) as { n: number }[];
  return {
    currentVersion: versions.at(-1)?.version ?? null,
    renewalVersion,
    versions: versions.map((version) => ({
      version: version.version,
      requiresReconsent: version.requiresReconsent,
      publishedAt: version.createdAt,
      participants: perVersion.get(version.version) ?? 0,
    })),
    notConsented,
    renewalPending,
    declinedRenewal,
  };
}

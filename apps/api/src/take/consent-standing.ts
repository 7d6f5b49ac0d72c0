import type { EntityManager } from 'typeorm';
import { ConsentVersion } from '../studies/consent-version.entity';

/**
 * Where a participant stands with consent, the one rule of issue 11 ("consent is asked again when it changes"):
 * - `none`: never consented, or their latest decision was to decline (they may still consent);
 * - `current`: their latest decision gave consent to a version no older than the newest version that requires
 *   renewed consent;
 * - `renewal_required`: they gave consent to an older version than that one: no more answers until they consent to
 *   the current version, and declining it withdraws them.
 * The participant page (take/), monitoring and the export all read it from here.
 */
export type ConsentStanding =
  | { kind: 'none' }
  | { kind: 'current'; version: number; decidedAt: Date }
  | { kind: 'renewal_required'; version: number; decidedAt: Date; renewalVersion: number };

/** A participant's latest consent decision (any version). */
export interface LatestConsent {
  consentVersion: number;
  decision: 'given' | 'declined';
  decidedAt: Date;
}

/** The standing from a participant's latest decision and the newest version that requires renewed consent. */
export function consentStanding(
  latest: LatestConsent | null,
  renewalVersion: number | null,
): ConsentStanding {
  if (!latest || latest.decision !== 'given') return { kind: 'none' };
  const decidedAt = new Date(latest.decidedAt);
  if (renewalVersion !== null && latest.consentVersion < renewalVersion) {
    return { kind: 'renewal_required', version: latest.consentVersion, decidedAt, renewalVersion };
  }
  return { kind: 'current', version: latest.consentVersion, decidedAt };
}

/** The newest consent version of the study that requires renewed consent, or null. */
export async function renewalVersion(m: EntityManager, studyId: string): Promise<number | null> {
  const newest = await m.findOne(ConsentVersion, {
    where: { studyId, requiresReconsent: true },
    order: { version: 'DESC' },
    select: { version: true },
  });
  return newest?.version ?? null;
}

interface LatestConsentRow {
  participant_id: string;
  consent_version: number;
  decision: 'given' | 'declined';
  decided_at: Date;
}

/** The latest consent decision of each of the participants (absent: none), in the caller's tenant transaction. */
export async function latestConsents(
  m: EntityManager,
  participantIds: readonly string[],
): Promise<Map<string, LatestConsent>> {
  if (participantIds.length === 0) return new Map();
  const rows = (await m.query(
    `SELECT DISTINCT ON (participant_id) participant_id, consent_version, decision, decided_at
       FROM consent_records WHERE participant_id = ANY($1)
      ORDER BY participant_id, decided_at DESC`,
    [participantIds],
  )) as LatestConsentRow[];
  return new Map(
    rows.map((row) => [
      row.participant_id,
      {
        consentVersion: Number(row.consent_version),
        decision: row.decision,
        decidedAt: new Date(row.decided_at),
      },
    ]),
  );
}

/** One participant's standing in their study. */
export async function participantConsentStanding(
  m: EntityManager,
  participantId: string,
  studyId: string,
): Promise<ConsentStanding> {
  const latest = (await latestConsents(m, [participantId])).get(participantId) ?? null;
  return consentStanding(latest, await renewalVersion(m, studyId));
}

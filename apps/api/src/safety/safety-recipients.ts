import { In, type EntityManager } from 'typeorm';
import { Membership } from '../institutions/membership.entity';
import type { Participant } from '../participants/participant.entity';
import { Cohort } from '../studies/cohort.entity';
import type { Study } from '../studies/study.entity';
import { User } from '../users/user.entity';

export type RecipientReason = 'practitioner' | 'safety_contact' | 'institution_admin';

export interface Recipient {
  userId: string;
  email: string;
  reasons: RecipientReason[];
}

/**
 * The safety contact for the participant's institution in the study: the study's own for the owning institution's
 * participants, the cohort's for a partner institution's cohort (null when none was named).
 */
export async function safetyContactOf(
  m: EntityManager,
  study: Pick<Study, 'institutionId' | 'safetyContactUserId'>,
  participant: Pick<Participant, 'institutionId' | 'cohortId'>,
): Promise<string | null> {
  if (participant.institutionId === study.institutionId) return study.safetyContactUserId;
  const cohort = await m.findOne(Cohort, {
    where: { id: participant.cohortId },
    select: { id: true, safetyContactUserId: true },
  });
  return cohort?.safetyContactUserId ?? null;
}

/**
 * Who is told, all active staff of the participant's institution (run in its tenant transaction):
 * - of a signal: the client's practitioner (if assigned) and the safety contact; without a (still active) safety
 *   contact, the institution's admins instead;
 * - of an escalation: the safety contact and the institution's admins.
 * Each person once, with every reason they are told.
 */
export async function recipientsOf(
  m: EntityManager,
  kind: 'safety_signal' | 'safety_escalation',
  study: Pick<Study, 'institutionId' | 'safetyContactUserId'>,
  participant: Pick<Participant, 'institutionId' | 'cohortId' | 'practitionerId'>,
): Promise<Recipient[]> {
  const contactId = await safetyContactOf(m, study, participant);
  const memberships = await m.find(Membership, {
    where: { institutionId: participant.institutionId },
    select: { id: true, userId: true, role: true },
  });
  const users = memberships.length
    ? await m.find(User, {
        where: { id: In(memberships.map((membership) => membership.userId)) },
        select: { id: true, email: true, status: true },
      })
    : [];
  const active = new Map(
    users.filter((user) => user.status === 'active').map((user) => [user.id, user.email]),
  );
  const recipients = new Map<string, Recipient>();
  const add = (userId: string | null, reason: RecipientReason) => {
    const email = userId ? active.get(userId) : undefined;
    if (!userId || !email) return;
    const known = recipients.get(userId);
    if (known) known.reasons.push(reason);
    else recipients.set(userId, { userId, email, reasons: [reason] });
  };
  if (kind === 'safety_signal') add(participant.practitionerId, 'practitioner');
  const contactActive = contactId !== null && active.has(contactId);
  add(contactId, 'safety_contact');
  if (kind === 'safety_escalation' || !contactActive) {
    for (const membership of memberships) {
      if (membership.role === 'institution_admin') add(membership.userId, 'institution_admin');
    }
  }
  return [...recipients.values()];
}

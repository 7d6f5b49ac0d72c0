import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthContext } from '../common/current-auth';
import { findVisibleStudy } from '../studies/study-access';
import { Participant } from './participant.entity';

/**
 * A participant of a study the caller sees, enrolled in the caller's institution; a practitioner sees only their
 * own clients. Anything else is a 404, whether the participant is unknown or someone else's.
 */
export async function findOwnParticipant(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  participantId: string,
): Promise<Participant> {
  const study = await findVisibleStudy(m, auth, studyId);
  const participant = await m.findOne(Participant, {
    where: { id: participantId, studyId: study.id, institutionId: auth.institutionId },
  });
  if (!participant || (auth.role === 'practitioner' && participant.practitionerId !== auth.userId)) {
    throw AppError.notFound('Participant');
  }
  return participant;
}

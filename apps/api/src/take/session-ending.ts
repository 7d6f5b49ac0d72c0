import { In, type EntityManager } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { ParticipantSession } from './participant-session.entity';

/** Ends every browser session a participant has on any of their links, in the caller's transaction (withdrawal). */
export async function endParticipantSessions(m: EntityManager, participantId: string): Promise<void> {
  const invitations = await m.find(Invitation, { where: { participantId }, select: { id: true } });
  if (invitations.length > 0) {
    await m.delete(ParticipantSession, { invitationId: In(invitations.map((invitation) => invitation.id)) });
  }
}

import { In, type EntityManager } from 'typeorm';
import { Invitation } from './invitation.entity';

/** Revokes a participant's links that can still be opened (open or started), in the caller's transaction. */
export async function revokeOpenInvitations(m: EntityManager, participantId: string): Promise<void> {
  await m.update(
    Invitation,
    { participantId, status: In(['open', 'started']) },
    { status: 'revoked', revokedAt: new Date() },
  );
}

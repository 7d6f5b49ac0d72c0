import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Participant } from './participant.entity';

/**
 * Marks a participant withdrawn, in the caller's transaction (a step of WithdrawalService). With `cutLink` (the
 * study's `erase_link` policy) the pseudonymous code is also replaced by a random one and the practitioner link is
 * cut, so the answers that stay can no longer be traced back to the person.
 */
export async function markWithdrawn(
  m: EntityManager,
  participantId: string,
  options: { cutLink: boolean },
): Promise<void> {
  await m.update(
    Participant,
    participantId,
    options.cutLink
      ? {
          status: 'withdrawn',
          code: `W-${randomBytes(8).toString('hex').toUpperCase()}`,
          practitionerId: null,
        }
      : { status: 'withdrawn' },
  );
}

import { In, type EntityManager } from 'typeorm';
import { PARTICIPANT_MESSAGE_KINDS } from './messaging-types';
import { OutboxMessage } from './outbox-message.entity';
import { ParticipantContact } from './participant-contact.entity';
import { withoutLink } from './message-templates';

/** Messages that may still go out. */
export const WAITING = ['queued', 'failed'] as const;

/**
 * Erases a participant's contact details in the caller's (tenant) transaction: the contact row, the address on
 * every message to the participant, and the link in every text; waiting messages to the participant are
 * cancelled. Messages to staff about the participant (safety signals) are neither: they hold a staff address and
 * must still go out. Used on DELETE …/contact and on withdrawal. Returns whether a contact row existed.
 */
export async function eraseContactData(
  m: EntityManager,
  participantId: string,
  reason: string,
): Promise<boolean> {
  const erased = (await m.delete(ParticipantContact, { participantId })).affected ?? 0;
  await m.update(
    OutboxMessage,
    { participantId, kind: In([...PARTICIPANT_MESSAGE_KINDS]), status: In([...WAITING]) },
    { status: 'cancelled', cancelReason: reason, nextAttemptAt: null },
  );
  const messages = await m.find(OutboxMessage, {
    where: { participantId, kind: In([...PARTICIPANT_MESSAGE_KINDS]) },
    select: { id: true, body: true, to: true },
  });
  for (const message of messages) {
    const body = withoutLink(message.body);
    if (message.to !== null || body !== message.body) {
      // The last error may quote the address (a refusing server does).
      await m.update(OutboxMessage, message.id, { to: null, body, lastError: null });
    }
  }
  return erased > 0;
}

import type { EntityManager } from 'typeorm';
import type { MessageLanguage } from './messaging-types';
import { OutboxMessage } from './outbox-message.entity';

export interface StaffMessage {
  institutionId: string;
  studyId: string;
  /** The participant the message is about (its row is not the participant's: no link, not cancelled with theirs). */
  participantId: string;
  kind: 'safety_signal' | 'safety_escalation';
  recipientUserId: string;
  to: string;
  subject: string;
  body: string;
  language: MessageLanguage;
  safetySignalId: string;
}

/**
 * Queues e-mails to staff in the caller's (tenant) transaction, due at `now`; the outbox sends them like any
 * other message (`OutboxService.sendNow` right after commit, else the next pass), or they wait in the study's
 * outbox without SMTP. One per signal, kind and recipient (a unique index). Returns the new messages' ids.
 */
export async function queueStaffMessages(
  m: EntityManager,
  messages: readonly StaffMessage[],
  now: Date,
): Promise<string[]> {
  if (messages.length === 0) return [];
  const saved = await m.save(
    OutboxMessage,
    messages.map((message) =>
      m.create(OutboxMessage, {
        ...message,
        invitationId: null,
        timepointId: null,
        sequence: 0,
        status: 'queued' as const,
        scheduledFor: now,
      }),
    ),
  );
  return saved.map((message) => message.id);
}

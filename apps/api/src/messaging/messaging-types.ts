/** Kinds, statuses and languages of the messaging tables, shared by entities, DTOs and services. */
export const MESSAGE_KINDS = ['invitation', 'reminder', 'safety_signal', 'safety_escalation'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/**
 * Messages to the participant, carrying their link: the only ones that completed, revoked or expired links, erased
 * contact details, withdrawal and closed studies cancel. The other kinds go to staff about a participant (safety/:
 * an endorsed risk item and its escalation), hold no link and no answers, and are never cancelled by those rules.
 */
export const PARTICIPANT_MESSAGE_KINDS = ['invitation', 'reminder'] as const satisfies readonly MessageKind[];

/**
 * `queued`: waiting (for its time, or for SMTP to be configured); `sending`: claimed by one pass, being handed to
 * SMTP; `sent`; `failed`: the last attempt failed (retried after `nextAttemptAt` until the attempt limit, then
 * final); `cancelled`: no longer to be sent (timepoint completed, link revoked or expired, participant withdrawn,
 * contact erased, schedule switched off).
 */
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_LANGUAGES = ['nl', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

import type { ApiClient, RequestOptions } from '../api/client';
import type { Language } from '../api/types';

// Typed wrappers for the outbox (see apps/api/src/messaging/dto/outbox.dto.ts).

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_KINDS = ['invitation', 'reminder', 'safety_signal', 'safety_escalation'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** E-mails to staff about a participant (an endorsed risk item): no answers, only a link to "Needs attention". */
export const STAFF_MESSAGE_KINDS: readonly MessageKind[] = ['safety_signal', 'safety_escalation'];

export interface OutboxMessage {
  id: string;
  participantId: string;
  participantCode: string;
  /** null for staff messages (safety). */
  invitationId: string | null;
  /** null for staff messages (safety). */
  timepointId: string | null;
  /** The staff member a safety message goes to; null for messages to the participant. */
  recipientUserId?: string | null;
  kind: MessageKind;
  /** 0 for the invitation, 1, 2, … for the reminders. */
  sequence: number;
  /** null once the contact details were erased. */
  to: string | null;
  subject: string;
  body: string;
  language: Language;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  scheduledFor: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
  cancelReason: string | null;
  createdAt: string;
}

export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  limit: number;
  offset: number;
  smtpConfigured: boolean;
}

export interface OutboxRun {
  planned: number;
  sent: number;
  failed: number;
  cancelled: number;
  smtpConfigured: boolean;
}

export interface OutboxFilter {
  status?: MessageStatus;
  kind?: MessageKind;
  limit: number;
  offset: number;
}

const outbox = (studyId: string) => `/studies/${encodeURIComponent(studyId)}/outbox`;

export function listOutbox(api: ApiClient, studyId: string, filter: OutboxFilter, options?: RequestOptions) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.kind) query.set('kind', filter.kind);
  query.set('limit', String(filter.limit));
  query.set('offset', String(filter.offset));
  return api.request<OutboxPage>('GET', `${outbox(studyId)}?${query.toString()}`, undefined, options);
}

export function runOutbox(api: ApiClient, studyId: string) {
  return api.request<OutboxRun>('POST', `${outbox(studyId)}/run`);
}

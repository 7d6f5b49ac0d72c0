import { type EntityManager, In } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { OutboxMessage } from '../messaging/outbox-message.entity';
import { PARTICIPANT_MESSAGE_KINDS } from '../messaging/messaging-types';
import type { Participant } from '../participants/participant.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { ResponseRecord } from '../responses/response.entity';
import { ConsentVersion } from '../studies/consent-version.entity';
import { ConsentRecord } from '../take/consent-record.entity';
import { ParticipantSession } from '../take/participant-session.entity';
import { Withdrawal } from '../withdrawal/withdrawal.entity';
import { TIMELINE_EVENT_TYPES, type TimelineEventDto, type TimelineEventType } from './dto/timeline.dto';

/** Same-instant events in the order they happen in a journey. */
const ORDER = new Map<TimelineEventType, number>(TIMELINE_EVENT_TYPES.map((type, index) => [type, index]));

/**
 * A participant's events, oldest first, from the tables that record them: the participant (enrolled),
 * invitations (made, completed, revoked, expired), the outbox (sent invitation and reminders), participant
 * sessions (opened), consent records, responses (progress saved; practitioner session logs) and withdrawals.
 */
export async function buildTimeline(
  m: EntityManager,
  studyId: string,
  participant: Participant,
): Promise<TimelineEventDto[]> {
  const now = Date.now();
  const timepoints = await m.find(Timepoint, { where: { studyId }, select: { id: true, key: true } });
  const keyOf = new Map(timepoints.map((timepoint) => [timepoint.id, timepoint.key]));
  const invitations = await m.find(Invitation, { where: { participantId: participant.id } });
  const byInvitation = new Map(invitations.map((invitation) => [invitation.id, invitation]));
  const invitationIds = invitations.map((invitation) => invitation.id);
  const events: TimelineEventDto[] = [];
  const push = (
    at: Date | null | undefined,
    type: TimelineEventType,
    where: { timepointId?: string | null; sessionNumber?: number | null; invitationId?: string | null } = {},
    detail: string | null = null,
  ) => {
    if (!at) return;
    const invitation = where.invitationId ? byInvitation.get(where.invitationId) : undefined;
    const timepointId = where.timepointId ?? invitation?.timepointId ?? null;
    events.push({
      at: new Date(at),
      type,
      timepointId,
      timepointKey: timepointId ? (keyOf.get(timepointId) ?? null) : null,
      sessionNumber: where.sessionNumber ?? invitation?.sessionNumber ?? null,
      invitationId: where.invitationId ?? null,
      detail,
    });
  };

  push(participant.enrolledAt, 'enrolled');
  for (const invitation of invitations) {
    const on = { invitationId: invitation.id };
    push(invitation.createdAt, 'invited', on);
    if (invitation.status === 'completed') push(invitation.completedAt, 'completed', on);
    if (invitation.status === 'revoked') push(invitation.revokedAt, 'revoked', on);
    const lapsed =
      invitation.status === 'expired' ||
      (['open', 'started'].includes(invitation.status) && invitation.expiresAt.getTime() <= now);
    if (lapsed) push(invitation.expiresAt, 'expired', on);
  }
  if (invitationIds.length > 0) {
    const messages = await m.find(OutboxMessage, {
      // The participant's own e-mails; staff messages about them (safety signals) are not part of their journey.
      where: { participantId: participant.id, status: 'sent', kind: In([...PARTICIPANT_MESSAGE_KINDS]) },
      select: { invitationId: true, kind: true, sequence: true, sentAt: true },
    });
    for (const message of messages) {
      push(
        message.sentAt,
        message.kind === 'invitation' ? 'invitation_sent' : 'reminded',
        { invitationId: message.invitationId },
        message.kind === 'reminder' ? `reminder ${message.sequence}` : null,
      );
    }
    const sessions = await m.find(ParticipantSession, {
      where: { invitationId: In(invitationIds) },
      select: { invitationId: true, createdAt: true },
      order: { createdAt: 'ASC' },
    });
    for (const session of sessions) push(session.createdAt, 'opened', { invitationId: session.invitationId });
  }
  const consents = await m.find(ConsentRecord, {
    where: { participantId: participant.id },
    order: { decidedAt: 'ASC' },
  });
  // A decision is a renewal when the participant had consented to an older version before (issue 11).
  const givenBefore = (consent: ConsentRecord) =>
    consents.some(
      (other) =>
        other.decision === 'given' &&
        other.decidedAt < consent.decidedAt &&
        other.consentVersion < consent.consentVersion,
    );
  for (const consent of consents) {
    push(
      consent.decidedAt,
      consent.decision === 'given' ? 'consented' : 'declined',
      { invitationId: consent.invitationId },
      `consent version ${consent.consentVersion}${givenBefore(consent) ? ' (renewal)' : ''}`,
    );
  }
  // When a version that asks for renewed consent was published while the participant held consent to an older one.
  const renewals = await m.find(ConsentVersion, { where: { studyId, requiresReconsent: true } });
  for (const version of renewals) {
    const held = consents.some(
      (consent) =>
        consent.decision === 'given' &&
        consent.decidedAt < version.createdAt &&
        consent.consentVersion < version.version,
    );
    if (held) push(version.createdAt, 'consent_renewal_required', {}, `consent version ${version.version}`);
  }
  const responses = await m.find(ResponseRecord, {
    where: { participantId: participant.id },
    select: {
      invitationId: true,
      timepointId: true,
      sessionNumber: true,
      respondent: true,
      instrumentId: true,
      status: true,
      updatedAt: true,
      submittedAt: true,
    },
  });
  for (const response of responses) {
    const where = {
      timepointId: response.timepointId,
      sessionNumber: response.sessionNumber,
      invitationId: response.invitationId,
    };
    if (response.respondent === 'practitioner')
      push(response.submittedAt, 'session_logged', where, response.instrumentId);
    else if (response.status === 'in_progress')
      push(response.updatedAt, 'started', where, response.instrumentId);
  }
  const withdrawals = await m.find(Withdrawal, { where: { participantId: participant.id } });
  for (const withdrawal of withdrawals) {
    const because = withdrawal.reason === 'consent_declined' ? ' (consent declined)' : '';
    push(withdrawal.createdAt, 'withdrawn', {}, `${withdrawal.policy}${because}`);
  }

  return events.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (ORDER.get(a.type) ?? 0) - (ORDER.get(b.type) ?? 0),
  );
}

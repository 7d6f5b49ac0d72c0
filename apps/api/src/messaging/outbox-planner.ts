import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { createToken, hashToken } from '../common/tokens';
import { SqlConditions } from '../database/sql-conditions';
import { Invitation } from '../invitations/invitation.entity';
import type { FormOfAddress, Language, LocalizedText } from '../studies/study.entity';
import { textIn } from '../studies/study-text';
import { renderMessage } from './message-templates';
import type { MessageLanguage } from './messaging-types';
import { OutboxMessage } from './outbox-message.entity';

const DAY_MS = 86_400_000;
/** The message's participant is no longer among the eligible (withdrawn): its waiting messages are cancelled. */
const WITHDRAWN = 'NOT EXISTS (SELECT 1 FROM eligible_participants e WHERE e.id = o.participant_id)';
/** Invitations made per institution and pass; the rest follow in the next pass. */
const PLAN_BATCH = 500;
/** A claim older than this was interrupted (the process died while sending): the message is tried again. */
const STALE_CLAIM_MS = 10 * 60_000;
const LINK_SQL = `regexp_replace(o.body, '\\S*/take/[A-Za-z0-9_-]{20,}', '[link removed]', 'g')`;

/**
 * Cancels the waiting messages of the institution that must no longer go out, and gives interrupted claims back.
 * Completed, revoked and expired links are normally caught by the migration's trigger at once; this also catches
 * links that ran past their expiry, withdrawn participants, studies no longer recruiting and schedules switched
 * off. Returns the number cancelled.
 */
export async function sweepOutbox(
  m: EntityManager,
  institutionId: string,
  now: Date,
  studyId?: string,
): Promise<number> {
  const where = new SqlConditions([institutionId, now]).when(studyId, 'o.study_id = ?', studyId);
  const [scope, params] = [where.sql, where.params];
  await m.query(
    `UPDATE outbox_messages o
        SET status = 'failed', last_error = 'interrupted while sending', next_attempt_at = $2, claimed_at = NULL
      WHERE o.institution_id = $1 AND o.status = 'sending' AND o.claimed_at < $2::timestamptz - interval '${STALE_CLAIM_MS} milliseconds'${scope}`,
    params,
  );
  const cancelled = (await m.query(
    `UPDATE outbox_messages o
        SET status = 'cancelled', next_attempt_at = NULL, body = ${LINK_SQL},
            cancel_reason = CASE
              WHEN ${WITHDRAWN} THEN 'participant_withdrawn'
              WHEN i.status IN ('completed', 'revoked', 'expired') THEN 'invitation_' || i.status
              WHEN i.expires_at <= $2 THEN 'invitation_expired'
              WHEN s.status <> 'recruiting' THEN 'study_not_recruiting'
              ELSE 'schedule_off' END
       FROM invitations i, studies s
      WHERE o.institution_id = $1${scope}
        AND i.id = o.invitation_id AND s.id = o.study_id
        AND (o.status = 'queued' OR (o.status = 'failed' AND o.next_attempt_at IS NOT NULL))
        AND (${WITHDRAWN} OR i.status NOT IN ('open', 'started') OR i.expires_at <= $2
             OR s.status <> 'recruiting'
             OR NOT EXISTS (SELECT 1 FROM timepoint_schedules ts WHERE ts.timepoint_id = o.timepoint_id AND ts.enabled))
      RETURNING o.id`,
    params,
  )) as [unknown[], number] | unknown[];
  return rowsOf(cancelled).length;
}

interface DueRow {
  participant_id: string;
  study_id: string;
  timepoint_id: string;
  email: string;
  preferred_language: MessageLanguage | null;
  label: Partial<Record<Language, string>>;
  title: LocalizedText;
  form_of_address: FormOfAddress;
  languages: Language[];
  reminder_days: number[];
  expires_in_days: number;
}

/**
 * Makes the invitations that are due by the schedules, each with its invitation message and reminders, in the
 * caller's tenant transaction. The link exists in clear only here and in the messages' text: the invitation keeps
 * its hash, as for a link made by hand. Due: an active participant with contact details in a recruiting study,
 * `inviteOffsetDays` after enrolment, for a non-session timepoint with an enabled schedule, who was never invited
 * to it by the schedule and holds no current link for it. Returns the number of invitations made.
 */
export async function planInvitations(
  m: EntityManager,
  audit: AuditService,
  input: { institutionId: string; now: Date; publicUrl: string; studyId?: string },
): Promise<number> {
  const { institutionId, now } = input;
  // Two passes at once (two processes, or the timer and the run endpoint) make each invitation once.
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('klik-messaging-plan:' || $1))`, [institutionId]);
  const where = new SqlConditions([institutionId, now, PLAN_BATCH]).when(input.studyId, 'p.study_id = ?', input.studyId);
  const due = (await m.query(
    `SELECT p.id AS participant_id, p.study_id, t.id AS timepoint_id, c.email, c.preferred_language, t.label,
            st.title, st.form_of_address, st.languages, ts.reminder_days, ts.expires_in_days
       FROM eligible_participants p
       JOIN participant_contacts c ON c.participant_id = p.id
       JOIN studies st ON st.id = p.study_id AND st.status = 'recruiting'
       JOIN timepoint_schedules ts ON ts.study_id = p.study_id AND ts.enabled
       JOIN timepoints t ON t.id = ts.timepoint_id AND t.kind <> 'session'
      WHERE p.institution_id = $1${where.sql}
        AND p.enrolled_at + make_interval(days => ts.invite_offset_days) <= $2
        AND NOT EXISTS (SELECT 1 FROM outbox_messages o
                         WHERE o.participant_id = p.id AND o.timepoint_id = t.id AND o.sequence = 0)
        AND NOT EXISTS (SELECT 1 FROM invitations i
                         WHERE i.participant_id = p.id AND i.timepoint_id = t.id
                           AND (i.status = 'completed' OR (i.status IN ('open', 'started') AND i.expires_at > $2)))
      ORDER BY p.enrolled_at, t.position
      LIMIT $3`,
    where.params,
  )) as DueRow[];
  for (const row of due) {
    // A lapsed link of this timepoint makes way (the database allows one current invitation per timepoint).
    await m.query(
      `UPDATE invitations SET status = 'expired'
        WHERE participant_id = $1 AND timepoint_id = $2 AND status IN ('open', 'started') AND expires_at <= $3`,
      [row.participant_id, row.timepoint_id, now],
    );
    const token = createToken();
    const expiresAt = new Date(now.getTime() + row.expires_in_days * DAY_MS);
    const invitation = await m.save(
      m.create(Invitation, {
        institutionId,
        studyId: row.study_id,
        participantId: row.participant_id,
        timepointId: row.timepoint_id,
        sessionNumber: null,
        tokenHash: hashToken(token),
        status: 'open',
        expiresAt,
        createdAt: now,
      }),
    );
    const language: MessageLanguage =
      row.preferred_language && row.languages.includes(row.preferred_language)
        ? row.preferred_language
        : row.languages[0];
    const content = {
      language,
      formOfAddress: row.form_of_address,
      studyTitle: textIn(row.title, language, row.languages),
      timepointLabel: textIn(row.label, language, row.languages),
      url: `${input.publicUrl}/take/${token}`,
      expiresAt,
    };
    const messages = [0, ...row.reminder_days].map((days, sequence) => {
      const kind = sequence === 0 ? ('invitation' as const) : ('reminder' as const);
      const { subject, body } = renderMessage({ ...content, kind });
      return m.create(OutboxMessage, {
        institutionId,
        studyId: row.study_id,
        participantId: row.participant_id,
        invitationId: invitation.id,
        timepointId: row.timepoint_id,
        kind,
        sequence,
        to: row.email,
        subject,
        body,
        language,
        status: 'queued' as const,
        scheduledFor: new Date(now.getTime() + days * DAY_MS),
      });
    });
    await m.save(OutboxMessage, messages);
    await audit.record(m, {
      actor: { type: 'system', institutionId },
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id },
      details: {
        studyId: row.study_id,
        participantId: row.participant_id,
        timepointId: row.timepoint_id,
        sessionNumber: null,
        scheduled: true,
        reminders: row.reminder_days.length,
      },
    });
  }
  return due.length;
}

/** The rows of an UPDATE … RETURNING through TypeORM (its PostgreSQL driver answers [rows, count]). */
export function rowsOf<T>(result: [T[], number] | T[]): T[] {
  if (result.length === 2 && typeof result[1] === 'number' && Array.isArray(result[0]))
    return result[0] as T[];
  return result as T[];
}

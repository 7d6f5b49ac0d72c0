import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SqlConditions } from '../database/sql-conditions';
import { TenancyService } from '../database/tenancy.service';
import { Participant } from '../participants/participant.entity';
import { findVisibleStudy } from '../studies/study-access';
import type { OutboxListDto, OutboxMessageDto, OutboxQuery, OutboxRunDto } from './dto/outbox.dto';
import { MailerService } from '../mail/mailer.service';
import { withoutLink } from './message-templates';
import { OutboxMessage } from './outbox-message.entity';
import { planInvitations, rowsOf, sweepOutbox } from './outbox-planner';

/** Attempts before a message is given up (status `failed`, no next attempt). */
export const MAX_ATTEMPTS = 5;
/** Minutes before the next attempt after the n-th failure: 5, 10, 20, 40. */
export const retryDelayMs = (attempts: number): number => 5 * 60_000 * 2 ** (attempts - 1);
/** Messages claimed per transaction; a pass claims again until nothing is due. */
const CLAIM_BATCH = 50;

export type RunResult = Omit<OutboxRunDto, 'smtpConfigured'>;

/**
 * Work another module adds to every messaging pass without messaging knowing that module (safety/ escalates
 * unacknowledged signals this way): the step queues messages, the pass sends them with the rest.
 */
export interface OutboxPassStep {
  /** Institutions with work for this step at `now`; asked as the tables' owner, before any tenant is entered. */
  institutionsWithWork(m: EntityManager, now: Date): Promise<string[]>;
  /** Runs in a tenant transaction of its own for the institution, before the pass sends. */
  run(m: EntityManager, institutionId: string, now: Date, studyId?: string): Promise<void>;
}

interface ClaimedRow {
  id: string;
  to: string | null;
  subject: string;
  body: string;
  language: 'nl' | 'en';
  attempts: number;
}

/**
 * The outbox: plans scheduled invitations with their messages, sends what is due through SMTP, and lets the
 * researcher read it. Sending is claim-then-send: a short transaction moves due rows to `sending`
 * (`FOR UPDATE SKIP LOCKED`, so overlapping passes never take the same row) and commits before anything goes
 * over the network; a second transaction records the result.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  private readonly steps: OutboxPassStep[] = [];

  constructor(
    private readonly tenancy: TenancyService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(auth: AuthContext, studyId: string, query: OutboxQuery): Promise<OutboxListDto> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      // What the researcher reads is current: messages that may no longer go out show as cancelled.
      await sweepOutbox(m, auth.institutionId, new Date(), study.id);
      const where = {
        studyId: study.id,
        institutionId: auth.institutionId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.participantId ? { participantId: query.participantId } : {}),
      };
      const [rows, total] = await m.findAndCount(OutboxMessage, {
        where,
        order: { scheduledFor: 'DESC', sequence: 'DESC', id: 'ASC' },
        take: limit,
        skip: offset,
      });
      const ids = [...new Set(rows.map((row) => row.participantId))];
      const participants = ids.length
        ? await m.find(Participant, { where: { id: In(ids) }, select: { id: true, code: true } })
        : [];
      const codes = new Map(participants.map((participant) => [participant.id, participant.code]));
      return {
        items: rows.map((row) => toDto(row, codes.get(row.participantId) ?? '')),
        total,
        limit,
        offset,
        smtpConfigured: this.mailer.configured,
      };
    });
  }

  /** Adds a step to every pass (called once, when the module that owns the step starts). */
  addPassStep(step: OutboxPassStep): void {
    this.steps.push(step);
  }

  /**
   * Sends the given messages now if they are queued and due and SMTP is configured: a message that must not wait
   * for the next pass (a safety signal, right after the transaction that queued it commits). Best effort: what
   * fails here is retried by the periodic pass like any other message. Returns how many were sent.
   */
  async sendNow(institutionId: string, messageIds: readonly string[], now = new Date()): Promise<number> {
    if (!this.mailer.configured || messageIds.length === 0) return 0;
    const claimed = await this.tenancy.run({ institutionId }, (m) =>
      this.claim(m, institutionId, now, undefined, messageIds),
    );
    let sent = 0;
    for (const row of claimed) if ((await this.deliver(institutionId, row, now)) === 'sent') sent += 1;
    return sent;
  }

  /** A pass for the caller's institution in one study (the run endpoint). */
  async runForStudy(auth: AuthContext, studyId: string): Promise<OutboxRunDto> {
    const study = await this.tenancy.run(auth, (m) => findVisibleStudy(m, auth, studyId));
    const result = await this.runDue(new Date(), { institutionId: auth.institutionId, studyId: study.id });
    return { ...result, smtpConfigured: this.mailer.configured };
  }

  /**
   * One pass at `now`: for every institution with contacts or waiting messages (or only the given one), cancel
   * what may no longer go out, make the invitations that are due, then send the due messages when SMTP is
   * configured. Safe to run twice at once. Used by the scheduler, the run endpoint and the tests.
   */
  async runDue(
    now: Date = new Date(),
    scope?: { institutionId: string; studyId?: string },
  ): Promise<RunResult> {
    const total: RunResult = { planned: 0, sent: 0, failed: 0, cancelled: 0 };
    const institutions = scope ? [scope.institutionId] : await this.institutionsWithWork(now);
    for (const institutionId of institutions) {
      await this.tenancy.run({ institutionId }, async (m) => {
        total.cancelled += await sweepOutbox(m, institutionId, now, scope?.studyId);
        total.planned += await planInvitations(m, this.audit, {
          institutionId,
          now,
          publicUrl: this.config.publicUrl,
          studyId: scope?.studyId,
        });
      });
      for (const step of this.steps) {
        await this.tenancy.run({ institutionId }, (m) => step.run(m, institutionId, now, scope?.studyId));
      }
      if (!this.mailer.configured) continue;
      for (;;) {
        const claimed = await this.tenancy.run({ institutionId }, (m) =>
          this.claim(m, institutionId, now, scope?.studyId),
        );
        for (const row of claimed) {
          const outcome = await this.deliver(institutionId, row, now);
          total[outcome] += 1;
        }
        if (claimed.length < CLAIM_BATCH) break;
      }
    }
    return total;
  }

  private async institutionsWithWork(now: Date): Promise<string[]> {
    // As the tables' owner (no tenant yet): which institutions to visit; everything after runs as the tenant.
    return this.tenancy.runAsSystem(async (m) => {
      const rows = (await m.query(
        `SELECT institution_id FROM participant_contacts
         UNION SELECT institution_id FROM outbox_messages WHERE status IN ('queued', 'sending', 'failed')`,
      )) as { institution_id: string }[];
      const institutions = new Set(rows.map((row) => row.institution_id));
      for (const step of this.steps)
        for (const id of await step.institutionsWithWork(m, now)) institutions.add(id);
      return [...institutions];
    });
  }

  private async claim(
    m: EntityManager,
    institutionId: string,
    now: Date,
    studyId?: string,
    messageIds?: readonly string[],
  ): Promise<ClaimedRow[]> {
    const where = new SqlConditions([institutionId, now, CLAIM_BATCH])
      .when(studyId, 'study_id = ?', studyId)
      .when(messageIds, 'id = ANY(?::uuid[])', messageIds ? [...messageIds] : undefined);
    const result = (await m.query(
      `UPDATE outbox_messages SET status = 'sending', claimed_at = $2, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM outbox_messages
           WHERE institution_id = $1${where.sql}
             AND ((status = 'queued' AND scheduled_for <= $2) OR (status = 'failed' AND next_attempt_at <= $2))
           ORDER BY scheduled_for, sequence
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING id, "to", subject, body, language, attempts`,
      where.params,
    )) as [ClaimedRow[], number] | ClaimedRow[];
    return rowsOf(result);
  }

  private async deliver(
    institutionId: string,
    row: ClaimedRow,
    now: Date,
  ): Promise<'sent' | 'failed' | 'cancelled'> {
    const record = (changes: Partial<OutboxMessage>) =>
      this.tenancy.run({ institutionId }, (m) =>
        m.update(OutboxMessage, { id: row.id, status: 'sending' }, { claimedAt: null, ...changes }),
      );
    if (!row.to) {
      await record({ status: 'cancelled', cancelReason: 'contact_erased', body: withoutLink(row.body) });
      return 'cancelled';
    }
    try {
      await this.mailer.send({ to: row.to, subject: row.subject, text: row.body, language: row.language });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = row.attempts >= MAX_ATTEMPTS;
      this.logger.warn(
        `message ${row.id} attempt ${row.attempts} failed${final ? ' (giving up)' : ''}: ${message}`,
      );
      await record({
        status: 'failed',
        lastError: message,
        nextAttemptAt: final ? null : new Date(now.getTime() + retryDelayMs(row.attempts)),
        ...(final ? { body: withoutLink(row.body) } : {}),
      });
      return 'failed';
    }
    await record({
      status: 'sent',
      sentAt: now,
      lastError: null,
      nextAttemptAt: null,
      body: withoutLink(row.body),
    });
    return 'sent';
  }
}

function toDto(row: OutboxMessage, participantCode: string): OutboxMessageDto {
  return {
    id: row.id,
    participantId: row.participantId,
    participantCode,
    invitationId: row.invitationId,
    timepointId: row.timepointId,
    recipientUserId: row.recipientUserId,
    kind: row.kind,
    sequence: row.sequence,
    to: row.to,
    subject: row.subject,
    body: row.body,
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    scheduledFor: row.scheduledFor,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt,
  };
}

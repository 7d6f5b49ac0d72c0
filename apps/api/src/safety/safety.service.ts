import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { endorsedRiskItems, type Instrument, riskItemsOf } from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthContext } from '../common/current-auth';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SqlConditions } from '../database/sql-conditions';
import { TenancyService } from '../database/tenancy.service';
import { OutboxService } from '../messaging/outbox.service';
import { rowsOf } from '../messaging/outbox-planner';
import { queueStaffMessages } from '../messaging/staff-messages';
import { Participant } from '../participants/participant.entity';
import { type LocalizedText, Study } from '../studies/study.entity';
import { textIn } from '../studies/study-text';
import type { SafetySignalDto, SafetySignalListDto, SafetySignalQuery } from './dto/safety-signal.dto';
import { NEEDS_ATTENTION_PATH, renderSafetyMessage } from './safety-messages';
import { recipientsOf } from './safety-recipients';
import { SafetySignal, type SafetySignalStatus, type SignalItem } from './safety-signal.entity';

type Language = 'nl' | 'en';

/** One instrument's submitted answers, as stored in the submission's transaction. */
export interface SubmittedAnswers {
  instrument: Instrument;
  answers: Readonly<Record<string, unknown>>;
  responseId: string;
  scoreId: string;
}

/** What a submission raised: the signals and the e-mails queued for them, to send right after commit. */
export interface RaisedSignals {
  institutionId: string;
  signalIds: string[];
  messageIds: string[];
}

/** How long a submission waits, after its commit, for the safety e-mails to go out before it answers anyway. */
const NOTIFY_WAIT_MS = 5_000;
/** Signals escalated per institution and pass; the rest follow in the next pass. */
const ESCALATION_BATCH = 200;

interface SignalRow {
  id: string;
  study_id: string;
  study_title: LocalizedText;
  study_languages: Language[];
  participant_id: string;
  participant_code: string;
  participant_withdrawn: boolean;
  instrument_id: string;
  instrument_version: string;
  items: SignalItem[];
  created_at: Date;
  status: SafetySignalStatus;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  note: string | null;
  escalated_at: Date | null;
  total: number;
}

/**
 * Safety signals (issue 11): an answer set that endorses a risk item raises a signal in the transaction that
 * stores it, and the client's practitioner and the safety contact are e-mailed at once; staff list the signals
 * ("Needs attention") and acknowledge them with a note; a signal nobody acknowledged in time is escalated by the
 * messaging pass to the safety contact and the institution's admins. See apps/api/docs/safety.md.
 */
@Injectable()
export class SafetyService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Safety');
  private readonly sending = new Set<Promise<unknown>>();

  constructor(
    private readonly tenancy: TenancyService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.addPassStep({
      institutionsWithWork: async (m, now) =>
        (
          (await m.query(
            `SELECT DISTINCT institution_id FROM safety_signals
              WHERE status = 'open' AND escalated_at IS NULL AND created_at <= $1`,
            [this.escalationCutoff(now)],
          )) as { institution_id: string }[]
        ).map((row) => row.institution_id),
      run: (m, institutionId, now, studyId) =>
        this.escalate(m, institutionId, now, studyId).then(() => undefined),
    });
  }

  /** Waits for the e-mails still being sent right after a submission, so the database is not closed under them. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.sending]);
  }

  /**
   * In the submission's transaction (tenant: the participant's institution): a signal per answer set that endorses
   * a risk item, audited, with an e-mail queued to each person to tell. Returns null when nothing was endorsed.
   */
  async raise(
    m: EntityManager,
    input: {
      study: Study;
      participant: Participant;
      invitationId: string | null;
      submitted: readonly SubmittedAnswers[];
    },
  ): Promise<RaisedSignals | null> {
    const { study, participant } = input;
    const endorsed = input.submitted
      .map((submitted) => ({ submitted, items: endorsedRiskItems(submitted.instrument, submitted.answers) }))
      .filter(({ items }) => items.length > 0);
    if (endorsed.length === 0) return null;
    const now = new Date();
    const recipients = await recipientsOf(m, 'safety_signal', study, participant);
    const contact = recipients.find((recipient) => recipient.reasons.includes('safety_contact'));
    const raised: RaisedSignals = { institutionId: participant.institutionId, signalIds: [], messageIds: [] };
    for (const { submitted, items } of endorsed) {
      const signal = await m.save(
        m.create(SafetySignal, {
          institutionId: participant.institutionId,
          studyId: study.id,
          participantId: participant.id,
          safetyContactUserId: contact?.userId ?? null,
          invitationId: input.invitationId,
          responseId: submitted.responseId,
          scoreId: submitted.scoreId,
          instrumentId: submitted.instrument.id,
          instrumentVersion: submitted.instrument.version,
          items: items.map(({ item, value, kind }) => ({ item, value, kind })),
          status: 'open' as const,
          createdAt: now,
        }),
      );
      raised.signalIds.push(signal.id);
      raised.messageIds.push(
        ...(await this.queue(m, 'safety_signal', signal, study, participant, recipients, now)),
      );
      await this.audit.record(m, {
        actor: { type: 'participant', institutionId: participant.institutionId },
        action: 'safety_signal.raised',
        target: { type: 'safety_signal', id: signal.id },
        details: {
          studyId: study.id,
          participantId: participant.id,
          responseId: submitted.responseId,
          scoreId: submitted.scoreId,
          instrumentId: submitted.instrument.id,
          instrumentVersion: submitted.instrument.version,
          recipientUserIds: recipients.map((recipient) => recipient.userId),
        },
      });
    }
    if (recipients.length === 0) {
      this.logger.warn(
        `safety signals ${raised.signalIds.join(', ')} have nobody to e-mail: they wait in the list`,
      );
    }
    return raised;
  }

  /**
   * Right after the submission committed: sends its safety e-mails now, waiting at most a few seconds so a slow
   * mail server does not hold up the participant's answer (the rest goes on in the background; what fails is
   * retried by the messaging pass). Without SMTP the messages wait in the study's outbox.
   */
  async notifyNow(raised: RaisedSignals): Promise<void> {
    const sending = this.outbox.sendNow(raised.institutionId, raised.messageIds).catch((error: unknown) => {
      this.logger.warn(`sending safety e-mails at once failed, the messaging pass retries: ${String(error)}`);
    });
    this.sending.add(sending);
    void sending.finally(() => this.sending.delete(sending));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      sending,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, NOTIFY_WAIT_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  /** Whether the answers given through an invitation endorsed a risk item (the participant page shows help). */
  endorsedThrough(m: EntityManager, invitationId: string): Promise<boolean> {
    return m.exists(SafetySignal, { where: { invitationId } });
  }

  /** The "Needs attention" list: a practitioner's own clients' signals (or those they are the contact for), else the institution's. */
  list(auth: AuthContext, query: SafetySignalQuery, language: Language): Promise<SafetySignalListDto> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    return this.tenancy.run(auth, async (m) => {
      const status = query.status ?? 'open';
      const filter = (where: SqlConditions) =>
        where.when(status !== 'all', 's.status = ?', status).when(query.studyId, 's.study_id = ?', query.studyId);
      const rows = await this.visible(m, auth, filter, { limit, offset });
      // The total rides on every row; past the last page there is none, so it is counted from the first.
      const total = rows[0]?.total ?? (offset > 0 ? ((await this.visible(m, auth, filter))[0]?.total ?? 0) : 0);
      return { items: rows.map((row) => toDto(row, language)), total, limit, offset };
    });
  }

  /** Records who acknowledged a signal, when, and what they did: 404 when not theirs to see, 409 when done before. */
  acknowledge(
    auth: AuthContext,
    signalId: string,
    note: string,
    language: Language,
  ): Promise<SafetySignalDto> {
    return this.tenancy.run(auth, async (m) => {
      const [signal] = await this.visible(m, auth, (where) => where.add('s.id = ?', signalId));
      if (!signal) throw AppError.notFound('Safety signal');
      const updated = rowsOf(
        (await m.query(
          `UPDATE safety_signals SET status = 'acknowledged', acknowledged_by_id = $2, acknowledged_at = now(), note = $3
            WHERE id = $1 AND status = 'open' RETURNING id`,
          [signal.id, auth.userId, note.trim()],
        )) as [{ id: string }[], number] | { id: string }[],
      );
      if (updated.length === 0) {
        throw AppError.conflict('already_acknowledged', 'This signal was already acknowledged');
      }
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'safety_signal.acknowledged',
        target: { type: 'safety_signal', id: signal.id },
        details: { studyId: signal.study_id, participantId: signal.participant_id },
      });
      const [after] = await this.visible(m, auth, (where) => where.add('s.id = ?', signalId));
      return toDto(after, language);
    });
  }

  /**
   * A step of the messaging pass, in the institution's tenant transaction: every open signal raised at least
   * KLIK_SAFETY_ESCALATION_MINUTES before `now` and not escalated yet is marked escalated (once: the update claims
   * it) and its safety contact and the institution's admins get a `safety_escalation` e-mail, which the same pass
   * sends. Returns the number escalated.
   */
  async escalate(m: EntityManager, institutionId: string, now: Date, studyId?: string): Promise<number> {
    const where = new SqlConditions([institutionId, now, this.escalationCutoff(now), ESCALATION_BATCH]).when(
      studyId,
      'study_id = ?',
      studyId,
    );
    const claimed = rowsOf(
      (await m.query(
        `UPDATE safety_signals SET escalated_at = $2
          WHERE id IN (
            SELECT id FROM safety_signals
             WHERE institution_id = $1${where.sql} AND status = 'open' AND escalated_at IS NULL AND created_at <= $3
             ORDER BY created_at
             LIMIT $4
             FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        where.params,
      )) as [{ id: string }[], number] | { id: string }[],
    );
    for (const { id } of claimed) {
      const signal = await m.findOneOrFail(SafetySignal, { where: { id } });
      const study = await m.findOneOrFail(Study, { where: { id: signal.studyId } });
      const participant = await m.findOneOrFail(Participant, { where: { id: signal.participantId } });
      const recipients = await recipientsOf(m, 'safety_escalation', study, participant);
      await this.queue(m, 'safety_escalation', signal, study, participant, recipients, now);
      await this.audit.record(m, {
        actor: { type: 'system', institutionId },
        action: 'safety_signal.escalated',
        target: { type: 'safety_signal', id: signal.id },
        details: {
          studyId: signal.studyId,
          participantId: signal.participantId,
          recipientUserIds: recipients.map((recipient) => recipient.userId),
        },
      });
    }
    return claimed.length;
  }

  private escalationCutoff(now: Date): Date {
    return new Date(now.getTime() - this.config.safety.escalationMinutes * 60_000);
  }

  private queue(
    m: EntityManager,
    kind: 'safety_signal' | 'safety_escalation',
    signal: SafetySignal,
    study: Study,
    participant: Participant,
    recipients: readonly { userId: string; email: string }[],
    now: Date,
  ): Promise<string[]> {
    const language = study.languages[0];
    const { subject, body } = renderSafetyMessage({
      kind,
      language,
      studyTitle: textIn(study.title, language, study.languages),
      participantCode: participant.code,
      url: `${this.config.publicUrl}${NEEDS_ATTENTION_PATH}`,
      raisedAt: signal.createdAt,
      minutes: this.config.safety.escalationMinutes,
    });
    return queueStaffMessages(
      m,
      recipients.map((recipient) => ({
        institutionId: signal.institutionId,
        studyId: signal.studyId,
        participantId: signal.participantId,
        kind,
        recipientUserId: recipient.userId,
        to: recipient.email,
        subject,
        body,
        language,
        safetySignalId: signal.id,
      })),
      now,
    );
  }

  /**
   * The signals the caller may see, newest first: in their institution (row-level security and the condition);
   * a practitioner only those of their own clients and those they were told of as safety contact.
   */
  private async visible(
    m: EntityManager,
    auth: AuthContext,
    filter: (where: SqlConditions) => SqlConditions,
    page: { limit: number; offset: number } = { limit: 1, offset: 0 },
  ): Promise<SignalRow[]> {
    const where = filter(
      new SqlConditions([auth.institutionId, page.limit, page.offset]).when(
        auth.role === 'practitioner',
        '(p.practitioner_id = ? OR s.safety_contact_user_id = ?)',
        auth.userId,
        auth.userId,
      ),
    );
    return (await m.query(
      `SELECT s.id, s.study_id, st.title AS study_title, st.languages AS study_languages, s.participant_id, p.code AS participant_code,
              NOT EXISTS (SELECT 1 FROM eligible_participants e WHERE e.id = s.participant_id) AS participant_withdrawn,
              s.instrument_id, s.instrument_version, s.items, s.created_at, s.status, s.acknowledged_by_id,
              u.display_name AS acknowledged_by_name, s.acknowledged_at, s.note, s.escalated_at,
              (count(*) OVER ())::int AS total
         FROM safety_signals s
         JOIN studies st ON st.id = s.study_id
         JOIN participants p ON p.id = s.participant_id
         LEFT JOIN users u ON u.id = s.acknowledged_by_id
        WHERE s.institution_id = $1${where.sql}
        ORDER BY s.created_at DESC, s.id
        LIMIT $2 OFFSET $3`,
      where.params,
    )) as SignalRow[];
  }
}

function toDto(row: SignalRow, language: Language): SafetySignalDto {
  const rules = riskItemsOf({ id: row.instrument_id, version: row.instrument_version });
  return {
    id: row.id,
    study: { id: row.study_id, title: textIn(row.study_title, language, row.study_languages) },
    participant: { id: row.participant_id, code: row.participant_code, withdrawn: row.participant_withdrawn },
    instrument: { id: row.instrument_id, version: row.instrument_version },
    items: row.items.map((item) => {
      const label = rules.find((rule) => rule.item === item.item)?.label;
      return { ...item, value: item.value ?? null, label: label?.[language] ?? label?.en ?? item.item };
    }),
    createdAt: row.created_at,
    status: row.status,
    acknowledgedBy: row.acknowledged_by_id
      ? { id: row.acknowledged_by_id, displayName: row.acknowledged_by_name ?? '' }
      : null,
    acknowledgedAt: row.acknowledged_at,
    note: row.note,
    escalatedAt: row.escalated_at,
  };
}

import { Injectable } from '@nestjs/common';
import { canonicalJson, type Instrument, validateAnswers } from '@klik/survey-model';
import { createHash } from 'node:crypto';
import { MoreThan, type EntityManager } from 'typeorm';
import { AppError, type FieldError } from '../common/app-error';
import { createToken, hashToken } from '../common/tokens';
import { enterTenant, TenancyService } from '../database/tenancy.service';
import { InstrumentCatalogService } from '../instruments/instrument-catalog.service';
import { Invitation } from '../invitations/invitation.entity';
import { effectiveStatus } from '../invitations/invitations.service';
import { isEligible, Participant } from '../participants/participant.entity';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { ResponseRecord } from '../responses/response.entity';
import { ScoredResponseWriter } from '../responses/scored-response.writer';
import { type RaisedSignals, SafetyService, type SubmittedAnswers } from '../safety/safety.service';
import { ConsentVersion } from '../studies/consent-version.entity';
import { safetyHelpTextIn } from '../studies/study-safety';
import { type FormOfAddress, type LocalizedText, Study, type WithdrawalPolicy } from '../studies/study.entity';
import { forStudyLanguages } from '../studies/study-text';
import { ConsentRecord } from './consent-record.entity';
import { participantConsentStanding } from './consent-standing';
import type { ConsentDecisionDto, SaveProgressDto, SubmitDto } from './dto/take.dto';
import { ParticipantSession } from './participant-session.entity';
import { mergeProgress } from './progress-merge';
import { Submission } from './submission.entity';
import { DEFAULT_VOICE, takeError, takeMessage, type Voice } from './take-messages';

const SESSION_HOURS = 12;
type Language = 'nl' | 'en';

interface TakeContext {
  session: ParticipantSession;
  invitation: Invitation;
  participant: Participant;
  study: Study;
  timepoint: Timepoint;
  instruments: Instrument[];
}

export interface TakeState {
  /** `consent_required` also when a renewal is due (`consent.renewal`); `completed` also for a reopened link. */
  status: 'consent_required' | 'in_progress' | 'completed';
  study: {
    /** Per study language (a missing translation falls back to the study's first language). */
    title: LocalizedText;
    description: LocalizedText;
    languages: Language[];
    withdrawalPolicy: Study['withdrawalPolicy'];
    /** How the Dutch texts address the participant: the page picks its Dutch strings by it. */
    formOfAddress: FormOfAddress;
  };
  language: Language;
  consent: {
    version: number;
    text: Partial<Record<Language, string>>;
    /** True when the participant consented to an older version and this one asks for renewed consent. */
    renewal: boolean;
    /** The version they consented to before, when `renewal`; else null. */
    previousVersion: number | null;
  };
  timepoint: { key: string; label: Partial<Record<Language, string>>; sessionNumber: number | null };
  instruments: {
    id: string;
    version: string;
    title: Partial<Record<Language, string>>;
    survey: Partial<Record<Language, object>>;
  }[];
  progress: Record<string, { answers: Record<string, unknown>; pageIndex: number }>;
  /** Once completed, when the answers endorsed a risk item: the study's help text in the session's language. */
  safetyHelpText?: string;
}

export interface SubmitResult {
  status: 'completed';
  submittedAt: string;
  /** When the answers endorsed a risk item (safety/): the study's help text in the submission's language. */
  safetyHelpText?: string;
}

/** What declining a consent renewal ends in: withdrawal under the study's policy (withdrawal/). */
export interface RenewalDeclinedResult {
  status: 'withdrawn';
  policy: WithdrawalPolicy;
  reason: 'consent_declined';
}

/**
 * Withdraws a participant who declined renewed consent, in the consent call's transaction. Withdrawal builds on this
 * module, so it registers the step here (`onRenewalDeclined`) instead of this module importing it.
 */
export type RenewalDeclinedHandler = (
  m: EntityManager,
  who: { participant: Participant; study: Study },
) => Promise<{ policy: WithdrawalPolicy }>;

// Before a session is known: the controller re-words it in the browser's language (take-messages.ts).
const unavailable = () => takeError('take_unavailable', DEFAULT_VOICE);

/** The participant's language in this session and the study's form of address. */
function voiceOf(context: Pick<TakeContext, 'session' | 'study'>): Voice {
  const { languages } = context.study;
  return {
    language: languages.includes(context.session.language) ? context.session.language : languages[0],
    formOfAddress: context.study.formOfAddress,
  };
}

/**
 * The participant's journey behind an invitation link: entering, consent, saving progress, submitting (validated
 * with survey-core against the exact instrument version, scored, stored in one transaction, idempotent); a
 * withdrawal runs through `inSession` (withdrawal/). Every call runs in one transaction as the invitation's
 * institution (row-level security applies).
 */
@Injectable()
export class TakeService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly catalog: InstrumentCatalogService,
    private readonly writer: ScoredResponseWriter,
    private readonly safety: SafetyService,
  ) {}

  private renewalDeclined: RenewalDeclinedHandler | null = null;

  /** Set once by withdrawal/: what declining renewed consent does. */
  onRenewalDeclined(handler: RenewalDeclinedHandler): void {
    this.renewalDeclined = handler;
  }

  /**
   * Exchanges an invitation token for a participant session token; null for any token that cannot be used. A
   * completed link opens too (its state says `completed` and nothing can be changed): holding the 256-bit token
   * already proves it is the participant's own, so this tells a guesser nothing (docs/participant-api.md).
   */
  async enter(token: string, preferred: Language[] = []): Promise<{ sessionToken: string; expiresAt: Date } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    return this.tenancy.runAsSystem(async (m) => {
      const invitation = await m.findOne(Invitation, { where: { tokenHash: hashToken(token) } });
      if (!invitation) return null;
      await enterTenant(m, { institutionId: invitation.institutionId });
      if (!(await this.isUsable(m, invitation, true))) return null;
      // A completed link opens only as long as the link itself would have: after that it is any expired link.
      if (invitation.expiresAt.getTime() <= Date.now()) return null;
      const participant = await m.findOneOrFail(Participant, { where: { id: invitation.participantId } });
      const study = await m.findOneOrFail(Study, { where: { id: participant.studyId } });
      const previous = await m.findOne(ParticipantSession, {
        where: { invitationId: invitation.id },
        order: { createdAt: 'DESC' },
      });
      const sessionToken = createToken();
      const expiresAt = new Date(Math.min(Date.now() + SESSION_HOURS * 3_600_000, invitation.expiresAt.getTime()));
      await m.insert(ParticipantSession, {
        institutionId: invitation.institutionId,
        invitationId: invitation.id,
        tokenHash: hashToken(sessionToken),
        language: previous?.language ?? preferred.find((language) => study.languages.includes(language)) ?? study.languages[0],
        expiresAt,
      });
      return { sessionToken, expiresAt };
    });
  }

  state(sessionToken: string | undefined): Promise<TakeState> {
    return this.withContext(sessionToken, true, (m, context) => this.buildState(m, context));
  }

  /**
   * Records a consent decision on the version shown. Declining a renewal (the participant had consented to an older
   * version) withdraws them under the study's policy, as the withdrawal module does; a first decline records only
   * the decline and ends the session.
   */
  consent(
    sessionToken: string | undefined,
    body: ConsentDecisionDto,
  ): Promise<TakeState | { status: 'declined' } | RenewalDeclinedResult> {
    return this.withContext(sessionToken, false, async (m, context) => {
      const latest = await this.latestConsent(m, context.study.id);
      if (body.consentVersion !== latest.version) throw takeError('consent_outdated', voiceOf(context));
      const standing = await participantConsentStanding(m, context.participant.id, context.study.id);
      await m.insert(ConsentRecord, {
        institutionId: context.participant.institutionId,
        studyId: context.study.id,
        participantId: context.participant.id,
        invitationId: context.invitation.id,
        consentVersionId: latest.id,
        consentVersion: latest.version,
        decision: body.decision,
        language: body.language,
      });
      if (body.decision === 'declined' && standing.kind === 'renewal_required') {
        if (!this.renewalDeclined) throw new Error('declining a consent renewal needs the withdrawal module');
        const { policy } = await this.renewalDeclined(m, { participant: context.participant, study: context.study });
        return { status: 'withdrawn' as const, policy, reason: 'consent_declined' as const };
      }
      if (body.decision === 'declined') {
        await m.delete(ParticipantSession, { invitationId: context.invitation.id });
        return { status: 'declined' as const };
      }
      await m.update(ParticipantSession, context.session.id, { language: body.language });
      return this.buildState(m, { ...context, session: { ...context.session, language: body.language } });
    });
  }

  /**
   * Saves answers of one instrument, merged per item into what is stored (progress-merge.ts: last write wins per
   * item, a late older save of the same session is ignored for the items a newer one wrote, `null` clears). Cheap
   * enough for every answer: one row read and written under the invitation's row lock, which also orders saves
   * against the submission. Answers are checked as far as they go, on the merged set; only the items of this save
   * can make it fail, and not for being unanswered.
   */
  saveProgress(sessionToken: string | undefined, body: SaveProgressDto): Promise<{ savedAt: string; stale: string[] }> {
    return this.withContext(sessionToken, false, async (m, context) => {
      await this.requireConsent(m, context);
      const voice = voiceOf(context);
      const instrument = this.instrumentOf(context, body.instrumentId);
      // One save (or submission) of an invitation at a time: the merge reads what it replaces.
      const [invitation] = (await m.query('SELECT status FROM invitations WHERE id = $1 FOR UPDATE', [
        context.invitation.id,
      ])) as { status: Invitation['status'] }[];
      if (invitation.status === 'completed') throw takeError('timepoint_completed', voice);
      const existing = await m.findOne(ResponseRecord, {
        where: { invitationId: context.invitation.id, instrumentId: instrument.id, respondent: 'client' },
      });
      const merged = mergeProgress(
        existing ? { answers: existing.answers, pageIndex: existing.pageIndex, itemWrites: existing.itemWrites } : null,
        { session: context.session.id, sequence: body.sequence ?? null, answers: body.answers, pageIndex: body.pageIndex },
      );
      const result = validateAnswers(instrument, merged.answers, { language: body.language, partial: true });
      // Only this save's items can fail it, and not for being unanswered: a page is saved answer by answer (and
      // `null` clears one); the submission requires every answer.
      const applied = new Set(merged.applied);
      const errors = result.errors.filter((error) => applied.has(error.item) && error.code !== 'required');
      if (errors.length > 0) throw answersInvalid(instrument.id, errors, voice);
      const now = new Date();
      if (existing) {
        // One UPDATE (the entity manager's save would read the row first).
        await m.query(
          `UPDATE responses SET answers = $2, page_index = $3, item_writes = $4, language = $5, updated_at = $6 WHERE id = $1`,
          [existing.id, JSON.stringify(merged.answers), merged.pageIndex, JSON.stringify(merged.itemWrites), body.language, now],
        );
      } else {
        await m.save(
          m.create(ResponseRecord, {
            ...this.responseKey(context),
            instrumentId: instrument.id,
            instrumentVersion: instrument.version,
            status: 'in_progress',
            answers: merged.answers,
            pageIndex: merged.pageIndex,
            itemWrites: merged.itemWrites,
            language: body.language,
            updatedAt: now,
          }),
        );
      }
      if (invitation.status === 'open') await m.update(Invitation, context.invitation.id, { status: 'started' });
      return { savedAt: now.toISOString(), stale: merged.stale };
    });
  }

  /** Validates, scores and stores every instrument of the timepoint at once; idempotent by key. */
  async submit(sessionToken: string | undefined, idempotencyKey: string, body: SubmitDto): Promise<{ replay: boolean; result: SubmitResult }> {
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const outcome = await this.withContext(sessionToken, true, async (m, context): Promise<{
      replay: boolean;
      result: SubmitResult;
      raised?: RaisedSignals | null;
    }> => {
      // Serialise submissions of one invitation (PostgreSQL row lock; PGlite runs one transaction at a time).
      await m.query('SELECT id FROM invitations WHERE id = $1 FOR UPDATE', [context.invitation.id]);
      const earlier = await m.findOne(Submission, { where: { invitationId: context.invitation.id, idempotencyKey } });
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw takeError('idempotency_conflict', voiceOf(context));
        return { replay: true, result: earlier.result as unknown as SubmitResult };
      }
      const current = await m.findOneOrFail(Invitation, { where: { id: context.invitation.id } });
      if (current.status === 'completed') throw takeError('timepoint_completed', voiceOf(context));
      await this.requireConsent(m, context);

      const errors: FieldError[] = [];
      const given = Object.keys(body.responses);
      for (const id of given) {
        if (!context.instruments.some((instrument) => instrument.id === id)) {
          errors.push({ field: `responses.${id}`, messages: [`${id} is not a questionnaire of this timepoint`] });
        }
      }
      const answerErrors: { instrumentId: string; item: string; code: string; reason: string }[] = [];
      for (const instrument of context.instruments) {
        const answers = body.responses[instrument.id];
        if (answers === undefined) {
          errors.push({ field: `responses.${instrument.id}`, messages: [`answers for ${instrument.id} are missing`] });
          continue;
        }
        const result = validateAnswers(instrument, answers, { language: body.language });
        for (const error of result.errors) {
          errors.push({ field: `responses.${instrument.id}.${error.item}`, messages: [error.reason] });
          answerErrors.push({ instrumentId: instrument.id, ...error });
        }
      }
      if (errors.length > 0) {
        throw takeError('answers_invalid', voiceOf(context), errors, { answerErrors });
      }
      const submitted: SubmittedAnswers[] = [];
      for (const instrument of context.instruments) {
        const existing = await m.findOne(ResponseRecord, {
          where: { invitationId: context.invitation.id, instrumentId: instrument.id, respondent: 'client' },
        });
        const answers = body.responses[instrument.id];
        const { response, score } = await this.writer.write(m, this.responseKey(context), instrument, body.language, answers, existing);
        submitted.push({ instrument, answers, responseId: response.id, scoreId: score.id });
      }
      // An endorsed risk item raises a safety signal in this transaction, with its e-mails queued (safety/).
      const raised = await this.safety.raise(m, {
        study: context.study,
        participant: context.participant,
        invitationId: context.invitation.id,
        submitted,
      });
      const submittedAt = new Date();
      await m.update(Invitation, context.invitation.id, { status: 'completed', completedAt: submittedAt });
      const result: SubmitResult = {
        status: 'completed',
        submittedAt: submittedAt.toISOString(),
        ...(raised ? { safetyHelpText: safetyHelpTextIn(context.study, body.language) } : {}),
      };
      await m.save(
        m.create(Submission, {
          institutionId: context.invitation.institutionId,
          invitationId: context.invitation.id,
          idempotencyKey,
          requestHash,
          result: { ...result },
        }),
      );
      return { replay: false, result, raised };
    });
    // Committed: the safety e-mails go out now rather than at the next pass.
    if (outcome.raised) await this.safety.notifyNow(outcome.raised);
    return { replay: outcome.replay, result: outcome.result };
  }

  /**
   * Runs `work` for the participant of a valid session, in the session's transaction as its institution (also
   * once the timepoint is completed): how another module acts on the participant's own request (withdrawal/).
   */
  inSession<T>(
    sessionToken: string | undefined,
    work: (m: EntityManager, context: { participant: Participant; study: Study }) => Promise<T>,
  ): Promise<T> {
    return this.withContext(sessionToken, true, (m, context) => work(m, context));
  }

  setLanguage(sessionToken: string | undefined, language: Language): Promise<void> {
    return this.withContext(sessionToken, true, async (m, context) => {
      if (!context.study.languages.includes(language)) {
        const message = takeMessage('language_unavailable', voiceOf(context));
        throw AppError.validation([{ field: 'language', messages: [message] }], message);
      }
      await m.update(ParticipantSession, context.session.id, { language });
    });
  }

  private async withContext<T>(
    sessionToken: string | undefined,
    allowCompleted: boolean,
    work: (m: EntityManager, context: TakeContext) => Promise<T>,
  ): Promise<T> {
    if (!sessionToken || sessionToken.length > 100) throw unavailable();
    return this.tenancy.runAsSystem(async (m) => {
      const session = await m.findOne(ParticipantSession, {
        where: { tokenHash: hashToken(sessionToken), expiresAt: MoreThan(new Date()) },
      });
      if (!session) throw unavailable();
      await enterTenant(m, { institutionId: session.institutionId });
      const invitation = await m.findOne(Invitation, { where: { id: session.invitationId } });
      if (!invitation || !(await this.isUsable(m, invitation, true))) throw unavailable();
      const participant = await m.findOneOrFail(Participant, { where: { id: invitation.participantId } });
      const study = await m.findOneOrFail(Study, { where: { id: invitation.studyId } });
      const timepoint = await m.findOneOrFail(Timepoint, { where: { id: invitation.timepointId } });
      const refs = await m.find(TimepointInstrument, {
        where: { timepointId: timepoint.id, respondent: 'client' },
        order: { position: 'ASC' },
      });
      const instruments: Instrument[] = [];
      for (const ref of refs) instruments.push(await this.catalog.forStudy(m, study.id, ref.instrumentId, ref.instrumentVersion));
      if (!allowCompleted && invitation.status === 'completed') {
        throw takeError('timepoint_completed', voiceOf({ session, study }));
      }
      return work(m, { session, invitation, participant, study, timepoint, instruments });
    });
  }

  private async isUsable(m: EntityManager, invitation: Invitation, allowCompleted: boolean): Promise<boolean> {
    const status = effectiveStatus(invitation);
    if (!(status === 'open' || status === 'started' || (allowCompleted && status === 'completed'))) return false;
    const participant = await m.findOne(Participant, { where: { id: invitation.participantId } });
    const study = await m.findOne(Study, { where: { id: invitation.studyId } });
    return participant !== null && isEligible(participant) && study?.status === 'recruiting';
  }

  private async buildState(m: EntityManager, context: TakeContext): Promise<TakeState> {
    const consent = await this.latestConsent(m, context.study.id);
    const standing = await participantConsentStanding(m, context.participant.id, context.study.id);
    const drafts = await m.find(ResponseRecord, { where: { invitationId: context.invitation.id, respondent: 'client' } });
    const languages = context.study.languages;
    const completed = context.invitation.status === 'completed';
    const renewal = !completed && standing.kind === 'renewal_required';
    return {
      status: completed ? 'completed' : standing.kind === 'current' ? 'in_progress' : 'consent_required',
      study: {
        title: forStudyLanguages(context.study.title, languages),
        description: forStudyLanguages(context.study.description, languages),
        languages,
        withdrawalPolicy: context.study.withdrawalPolicy,
        formOfAddress: context.study.formOfAddress,
      },
      language: voiceOf(context).language,
      consent: {
        version: consent.version,
        text: consent.text,
        renewal,
        previousVersion: renewal && standing.kind === 'renewal_required' ? standing.version : null,
      },
      timepoint: { key: context.timepoint.key, label: context.timepoint.label, sessionNumber: context.invitation.sessionNumber },
      instruments: context.instruments.map((instrument) => ({
        id: instrument.id,
        version: instrument.version,
        title: Object.fromEntries(languages.map((language) => [language, instrument.text?.[language]?.title ?? instrument.name])),
        survey: Object.fromEntries(
          languages.filter((language) => instrument.survey?.[language]).map((language) => [language, instrument.survey?.[language] as object]),
        ),
      })),
      progress: Object.fromEntries(
        drafts
          .filter((draft) => draft.status === 'in_progress')
          .map((draft) => [draft.instrumentId, { answers: draft.answers, pageIndex: draft.pageIndex }]),
      ),
      // After a submission that endorsed a risk item, the page keeps showing where to find help (safety/).
      ...(context.invitation.status === 'completed' && (await this.safety.endorsedThrough(m, context.invitation.id))
        ? {
            safetyHelpText: safetyHelpTextIn(
              context.study,
              languages.includes(context.session.language) ? context.session.language : languages[0],
            ),
          }
        : {}),
    };
  }

  private async latestConsent(m: EntityManager, studyId: string): Promise<ConsentVersion> {
    const latest = await m.findOne(ConsentVersion, { where: { studyId }, order: { version: 'DESC' } });
    if (!latest) throw unavailable();
    return latest;
  }

  /** 403 `consent_required` without consent; 409 `consent_renewal_required` when it must be given again. */
  private async requireConsent(m: EntityManager, context: TakeContext): Promise<void> {
    const standing = await participantConsentStanding(m, context.participant.id, context.study.id);
    if (standing.kind === 'none') throw takeError('consent_required', voiceOf(context));
    if (standing.kind === 'renewal_required') {
      throw takeError('consent_renewal_required', voiceOf(context), undefined, {
        consentVersion: standing.renewalVersion,
        previousVersion: standing.version,
      });
    }
  }

  private instrumentOf(context: TakeContext, instrumentId: string): Instrument {
    const instrument = context.instruments.find((candidate) => candidate.id === instrumentId);
    if (!instrument) {
      throw AppError.validation([{ field: 'instrumentId', messages: [`${instrumentId} is not a questionnaire of this timepoint`] }]);
    }
    return instrument;
  }

  private responseKey(context: TakeContext) {
    return {
      institutionId: context.invitation.institutionId,
      studyId: context.study.id,
      participantId: context.participant.id,
      timepointId: context.timepoint.id,
      sessionNumber: context.invitation.sessionNumber,
      respondent: 'client' as const,
      invitationId: context.invitation.id,
      respondentUserId: null,
    };
  }
}

function answersInvalid(
  instrumentId: string,
  errors: readonly { item: string; code: string; reason: string }[],
  voice: Voice,
): AppError {
  return takeError(
    'answers_invalid',
    voice,
    errors.map((error) => ({ field: `${instrumentId}.${error.item}`, messages: [error.reason] })),
    { answerErrors: errors.map((error) => ({ instrumentId, ...error })) },
  );
}

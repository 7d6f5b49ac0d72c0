import { HttpStatus, Injectable } from '@nestjs/common';
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
import { ConsentVersion } from '../studies/consent-version.entity';
import { Study } from '../studies/study.entity';
import { ConsentRecord } from './consent-record.entity';
import type { ConsentDecisionDto, SaveProgressDto, SubmitDto } from './dto/take.dto';
import { ParticipantSession } from './participant-session.entity';
import { Submission } from './submission.entity';

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
  status: 'consent_required' | 'in_progress' | 'completed';
  study: { title: string; description: string; languages: Language[]; withdrawalPolicy: Study['withdrawalPolicy'] };
  language: Language;
  consent: { version: number; text: Partial<Record<Language, string>> };
  timepoint: { key: string; label: Partial<Record<Language, string>>; sessionNumber: number | null };
  instruments: {
    id: string;
    version: string;
    title: Partial<Record<Language, string>>;
    survey: Partial<Record<Language, object>>;
  }[];
  progress: Record<string, { answers: Record<string, unknown>; pageIndex: number }>;
}

export interface SubmitResult {
  status: 'completed';
  submittedAt: string;
}

const unavailable = () =>
  new AppError(HttpStatus.UNAUTHORIZED, 'take_unavailable', 'This link is not available (any more)');

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
  ) {}

  /** Exchanges an invitation token for a participant session token; null for any token that cannot be used. */
  async enter(token: string, preferred: Language[] = []): Promise<{ sessionToken: string; expiresAt: Date } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    return this.tenancy.runAsSystem(async (m) => {
      const invitation = await m.findOne(Invitation, { where: { tokenHash: hashToken(token) } });
      if (!invitation) return null;
      await enterTenant(m, { institutionId: invitation.institutionId });
      if (!(await this.isUsable(m, invitation, false))) return null;
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

  consent(sessionToken: string | undefined, body: ConsentDecisionDto): Promise<TakeState | { status: 'declined' }> {
    return this.withContext(sessionToken, false, async (m, context) => {
      const latest = await this.latestConsent(m, context.study.id);
      if (body.consentVersion !== latest.version) {
        throw AppError.conflict('consent_outdated', 'The consent text has changed; please read the new version');
      }
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
      if (body.decision === 'declined') {
        await m.delete(ParticipantSession, { invitationId: context.invitation.id });
        return { status: 'declined' as const };
      }
      await m.update(ParticipantSession, context.session.id, { language: body.language });
      return this.buildState(m, { ...context, session: { ...context.session, language: body.language } });
    });
  }

  saveProgress(sessionToken: string | undefined, body: SaveProgressDto): Promise<{ savedAt: string }> {
    return this.withContext(sessionToken, false, async (m, context) => {
      await this.requireConsent(m, context);
      const instrument = this.instrumentOf(context, body.instrumentId);
      const result = validateAnswers(instrument, body.answers, { language: body.language, partial: true });
      if (!result.valid) throw answersInvalid(instrument.id, result.errors);
      const existing = await m.findOne(ResponseRecord, {
        where: { invitationId: context.invitation.id, instrumentId: instrument.id, respondent: 'client' },
      });
      const now = new Date();
      await m.save(ResponseRecord, {
        ...(existing ?? {
          ...this.responseKey(context),
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          status: 'in_progress' as const,
        }),
        answers: body.answers,
        pageIndex: body.pageIndex,
        language: body.language,
        updatedAt: now,
      });
      if (context.invitation.status === 'open') await m.update(Invitation, context.invitation.id, { status: 'started' });
      return { savedAt: now.toISOString() };
    });
  }

  /** Validates, scores and stores every instrument of the timepoint at once; idempotent by key. */
  submit(sessionToken: string | undefined, idempotencyKey: string, body: SubmitDto): Promise<{ replay: boolean; result: SubmitResult }> {
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    return this.withContext(sessionToken, true, async (m, context) => {
      // Serialise submissions of one invitation (PostgreSQL row lock; PGlite runs one transaction at a time).
      await m.query('SELECT id FROM invitations WHERE id = $1 FOR UPDATE', [context.invitation.id]);
      const earlier = await m.findOne(Submission, { where: { invitationId: context.invitation.id, idempotencyKey } });
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new AppError(
            HttpStatus.UNPROCESSABLE_ENTITY,
            'idempotency_conflict',
            'This Idempotency-Key was used for a different submission',
          );
        }
        return { replay: true, result: earlier.result as unknown as SubmitResult };
      }
      const current = await m.findOneOrFail(Invitation, { where: { id: context.invitation.id } });
      if (current.status === 'completed') {
        throw AppError.conflict('timepoint_completed', 'These questionnaires were already submitted');
      }
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
        throw new AppError(HttpStatus.BAD_REQUEST, 'answers_invalid', 'Some answers are not valid', errors, {
          answerErrors,
        });
      }
      for (const instrument of context.instruments) {
        const existing = await m.findOne(ResponseRecord, {
          where: { invitationId: context.invitation.id, instrumentId: instrument.id, respondent: 'client' },
        });
        await this.writer.write(m, this.responseKey(context), instrument, body.language, body.responses[instrument.id], existing);
      }
      const submittedAt = new Date();
      await m.update(Invitation, context.invitation.id, { status: 'completed', completedAt: submittedAt });
      const result: SubmitResult = { status: 'completed', submittedAt: submittedAt.toISOString() };
      await m.save(
        m.create(Submission, {
          institutionId: context.invitation.institutionId,
          invitationId: context.invitation.id,
          idempotencyKey,
          requestHash,
          result: { ...result },
        }),
      );
      return { replay: false, result };
    });
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
        throw AppError.validation([{ field: 'language', messages: [`this study is not available in ${language}`] }]);
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
        throw AppError.conflict('timepoint_completed', 'These questionnaires were already submitted');
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
    const consented = await this.hasConsented(m, context);
    const drafts = await m.find(ResponseRecord, { where: { invitationId: context.invitation.id, respondent: 'client' } });
    const languages = context.study.languages;
    return {
      status: context.invitation.status === 'completed' ? 'completed' : consented ? 'in_progress' : 'consent_required',
      study: {
        title: context.study.title,
        description: context.study.description,
        languages,
        withdrawalPolicy: context.study.withdrawalPolicy,
      },
      language: languages.includes(context.session.language) ? context.session.language : languages[0],
      consent: { version: consent.version, text: consent.text },
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
    };
  }

  private async latestConsent(m: EntityManager, studyId: string): Promise<ConsentVersion> {
    const latest = await m.findOne(ConsentVersion, { where: { studyId }, order: { version: 'DESC' } });
    if (!latest) throw unavailable();
    return latest;
  }

  private async hasConsented(m: EntityManager, context: TakeContext): Promise<boolean> {
    const last = await m.findOne(ConsentRecord, {
      where: { participantId: context.participant.id },
      order: { decidedAt: 'DESC' },
    });
    return last?.decision === 'given';
  }

  private async requireConsent(m: EntityManager, context: TakeContext): Promise<void> {
    if (!(await this.hasConsented(m, context))) {
      throw new AppError(HttpStatus.FORBIDDEN, 'consent_required', 'Consent is needed before answering');
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

function answersInvalid(instrumentId: string, errors: readonly { item: string; code: string; reason: string }[]): AppError {
  return new AppError(
    HttpStatus.BAD_REQUEST,
    'answers_invalid',
    'Some answers are not valid',
    errors.map((error) => ({ field: `${instrumentId}.${error.item}`, messages: [error.reason] })),
    { answerErrors: errors.map((error) => ({ instrumentId, ...error })) },
  );
}

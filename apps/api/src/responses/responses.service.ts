import { Injectable } from '@nestjs/common';
import { type Instrument, validateAnswers } from '@klik/survey-model';
import { In, type EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { AppError, type FieldError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { InstrumentCatalogService } from '../instruments/instrument-catalog.service';
import { findOwnParticipant } from '../participants/participant-access';
import { isEligible } from '../participants/participant.entity';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import type { DyadDto, ResponseDto, SessionLogDto } from './dto/responses.dto';
import { ResponseRecord } from './response.entity';
import { ScoredResponseWriter } from './scored-response.writer';
import { ScoreRecord } from './score.entity';

/** Staff access to a participant's submitted responses and scores, and practitioners' session logs. */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly catalog: InstrumentCatalogService,
    private readonly writer: ScoredResponseWriter,
  ) {}

  list(auth: AuthContext, studyId: string, participantId: string): Promise<ResponseDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const participant = await findOwnParticipant(m, auth, studyId, participantId);
      return this.responses(m, { participantId: participant.id });
    });
  }

  dyads(auth: AuthContext, studyId: string, participantId: string): Promise<DyadDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const participant = await findOwnParticipant(m, auth, studyId, participantId);
      const responses = (await this.responses(m, { participantId: participant.id })).filter((r) => r.sessionNumber !== null);
      const bySession = new Map<string, DyadDto>();
      for (const response of responses) {
        const key = `${response.timepointId}|${response.sessionNumber}`;
        const dyad = bySession.get(key) ?? {
          timepointId: response.timepointId,
          sessionNumber: response.sessionNumber as number,
          client: [],
          practitioner: [],
        };
        (response.respondent === 'client' ? dyad.client : dyad.practitioner).push(response);
        bySession.set(key, dyad);
      }
      return [...bySession.values()].sort((a, b) => a.sessionNumber - b.sessionNumber);
    });
  }

  /** A practitioner logs one session of their own client: validated, scored and stored with the session number. */
  logSession(auth: AuthContext, studyId: string, participantId: string, body: SessionLogDto): Promise<ResponseDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const participant = await findOwnParticipant(m, auth, studyId, participantId);
      if (participant.practitionerId !== auth.userId) {
        throw AppError.forbidden('Only the practitioner of this client can log their sessions');
      }
      if (!isEligible(participant)) throw AppError.conflict('participant_withdrawn', 'The participant has withdrawn');
      const timepoint = await this.sessionTimepoint(m, participant.studyId, body.timepointId);
      const refs = await m.find(TimepointInstrument, {
        where: { timepointId: timepoint.id, respondent: 'practitioner' },
        order: { position: 'ASC' },
      });
      if (refs.length === 0) {
        throw AppError.conflict('no_session_log', 'This timepoint has no questionnaire for the practitioner');
      }
      const errors: FieldError[] = [];
      for (const id of Object.keys(body.responses)) {
        if (!refs.some((ref) => ref.instrumentId === id)) {
          errors.push({ field: `responses.${id}`, messages: [`${id} is not a practitioner questionnaire of this timepoint`] });
        }
      }
      const instruments: Instrument[] = [];
      for (const ref of refs) {
        instruments.push(await this.catalog.forStudy(m, participant.studyId, ref.instrumentId, ref.instrumentVersion));
      }
      for (const instrument of instruments) {
        const answers = body.responses[instrument.id];
        if (answers === undefined) {
          errors.push({ field: `responses.${instrument.id}`, messages: [`answers for ${instrument.id} are missing`] });
          continue;
        }
        for (const error of validateAnswers(instrument, answers, { language: body.language }).errors) {
          errors.push({ field: `responses.${instrument.id}.${error.item}`, messages: [error.reason] });
        }
      }
      if (errors.length > 0) throw AppError.validation(errors, 'Some answers are not valid');
      const already = await m.exists(ResponseRecord, {
        where: {
          participantId: participant.id,
          timepointId: timepoint.id,
          sessionNumber: body.sessionNumber,
          respondent: 'practitioner',
        },
      });
      if (already) throw AppError.conflict('session_already_logged', `Session ${body.sessionNumber} is already logged`);
      const ids: string[] = [];
      for (const instrument of instruments) {
        const { response } = await this.writer.write(
          m,
          {
            institutionId: participant.institutionId,
            studyId: participant.studyId,
            participantId: participant.id,
            timepointId: timepoint.id,
            sessionNumber: body.sessionNumber,
            respondent: 'practitioner',
            invitationId: null,
            respondentUserId: auth.userId,
          },
          instrument,
          body.language,
          body.responses[instrument.id],
        );
        ids.push(response.id);
      }
      return this.responses(m, { id: In(ids) });
    });
  }

  private async sessionTimepoint(m: EntityManager, studyId: string, timepointId?: string): Promise<Timepoint> {
    const sessions = await m.find(Timepoint, { where: { studyId, kind: 'session' }, order: { position: 'ASC' } });
    const timepoint = timepointId ? sessions.find((t) => t.id === timepointId) : sessions.length === 1 ? sessions[0] : undefined;
    if (!timepoint) {
      throw AppError.validation([
        { field: 'timepointId', messages: [timepointId ? 'timepointId names no session timepoint of this study' : 'choose the session timepoint'] },
      ]);
    }
    return timepoint;
  }

  private async responses(m: EntityManager, where: Record<string, unknown>): Promise<ResponseDto[]> {
    const rows = await m.find(ResponseRecord, {
      where: { ...where, status: 'submitted' },
      order: { submittedAt: 'ASC', instrumentId: 'ASC' },
    });
    const scores = rows.length
      ? await m.find(ScoreRecord, { where: { responseId: In(rows.map((row) => row.id)) } })
      : [];
    const scoreOf = new Map(scores.map((score) => [score.responseId, score]));
    return rows.map((row) => {
      const score = scoreOf.get(row.id);
      return {
        id: row.id,
        timepointId: row.timepointId,
        sessionNumber: row.sessionNumber,
        respondent: row.respondent,
        instrumentId: row.instrumentId,
        instrumentVersion: row.instrumentVersion,
        language: row.language,
        answers: row.answers,
        submittedAt: row.submittedAt as Date,
        score: score
          ? {
              instrumentId: score.instrumentId,
              instrumentVersion: score.instrumentVersion,
              scoringVersion: score.scoringVersion,
              total: score.total,
              status: score.status,
              missingReason: score.missingReason,
              band: score.band,
              caseness: score.caseness,
              missingCount: score.missingCount,
              prorated: score.prorated,
              subscales: score.subscales,
              derived: score.derived,
            }
          : null,
      };
    });
  }
}

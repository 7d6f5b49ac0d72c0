import { Injectable } from '@nestjs/common';
import { type Instrument, scoreAnswers } from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import { ResponseRecord } from './response.entity';
import { ScoreRecord } from './score.entity';

export interface ResponseKey {
  institutionId: string;
  studyId: string;
  participantId: string;
  timepointId: string;
  sessionNumber: number | null;
  respondent: 'client' | 'practitioner';
  invitationId: string | null;
  respondentUserId: string | null;
}

/**
 * Stores a validated, submitted response and its score (computed by libs/survey-model) in the caller's
 * transaction: the two rows exist together or not at all.
 */
@Injectable()
export class ScoredResponseWriter {
  async write(
    m: EntityManager,
    key: ResponseKey,
    instrument: Instrument,
    language: 'nl' | 'en',
    answers: Record<string, unknown>,
    existing?: ResponseRecord | null,
  ): Promise<{ response: ResponseRecord; score: ScoreRecord }> {
    const now = new Date();
    const values = {
      ...key,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      language,
      answers,
      status: 'submitted' as const,
      updatedAt: now,
      submittedAt: now,
    };
    const response = existing
      ? await m.save(ResponseRecord, { ...existing, ...values })
      : await m.save(ResponseRecord, m.create(ResponseRecord, { ...values, pageIndex: 0 }));
    const score = scoreAnswers(instrument, answers as Parameters<typeof scoreAnswers>[1]);
    const record = await m.save(
      ScoreRecord,
      m.create(ScoreRecord, {
        institutionId: key.institutionId,
        responseId: response.id,
        studyId: key.studyId,
        participantId: key.participantId,
        timepointId: key.timepointId,
        sessionNumber: key.sessionNumber,
        respondent: key.respondent,
        instrumentId: score.instrumentId,
        instrumentVersion: score.instrumentVersion,
        scoringVersion: score.scoringVersion,
        total: score.total,
        status: score.status,
        missingReason: score.missingReason ?? null,
        band: score.band,
        caseness: score.caseness,
        missingCount: score.missingCount,
        prorated: score.prorated,
        subscales: score.subscales as Record<string, unknown>,
        derived: score.derived as Record<string, unknown>,
      }),
    );
    return { response, score: record };
  }
}

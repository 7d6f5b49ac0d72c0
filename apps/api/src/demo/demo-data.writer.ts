import { getInstrument } from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import { createToken, hashToken } from '../common/tokens';
import { Invitation } from '../invitations/invitation.entity';
import { Participant } from '../participants/participant.entity';
import type { ScoredResponseWriter } from '../responses/scored-response.writer';
import type { DemoAnswers, DemoDataPlan } from './demo-data';

/** Where generated demo data goes: an institution's study, its cohorts (plan order) and practitioners (plan order). */
export interface DemoDataTarget {
  institutionId: string;
  studyId: string;
  createdById: string;
  cohortIds: readonly string[];
  practitionerIds: readonly string[];
  timepointIds: { baseline: string; session: string; end: string };
}

const DAY = 86_400_000;

/**
 * Plausible quasi-identifiers for demo client `index` (deterministic, so the export's k-anonymity report is the
 * same on every machine): adult outpatients, mostly 25-54, about two thirds women, a few other or unknown.
 */
export function demoAttributes(index: number): { age_band: string; gender: string } {
  const ageBands = [
    '18-24',
    '25-34',
    '25-34',
    '35-44',
    '35-44',
    '45-54',
    '45-54',
    '55-64',
    '65+',
    '25-34',
    '35-44',
  ];
  const genders = [
    'female',
    'male',
    'female',
    'female',
    'male',
    'female',
    'male',
    'female',
    'female',
    'male',
  ];
  const mix = (index * 7919 + 13) % 97;
  return {
    age_band: ageBands[mix % ageBands.length],
    gender: mix === 5 || mix === 50 ? 'other' : mix === 77 ? 'unknown' : genders[(mix * 3) % genders.length],
  };
}

/**
 * Stores a demo plan in the caller's transaction: participants, a completed invitation per answered timepoint
 * (and session), and every response as a submitted response with its score through {@link ScoredResponseWriter},
 * so the scores come from the real scoring engine. Returns the participants' ids in plan order.
 */
export async function writeDemoData(
  m: EntityManager,
  writer: ScoredResponseWriter,
  target: DemoDataTarget,
  plan: DemoDataPlan,
): Promise<string[]> {
  const owned = { institutionId: target.institutionId, studyId: target.studyId };
  const participants = plan.clients.map((client, index) =>
    m.create(Participant, {
      ...owned,
      cohortId: target.cohortIds[client.cohortIndex],
      code: client.code,
      practitionerId: target.practitionerIds[client.practitionerIndex % target.practitionerIds.length],
      attributes: demoAttributes(index),
      createdById: target.createdById,
    }),
  );
  await m.save(participants, { chunk: 200 });
  const now = Date.now();
  for (const [index, client] of plan.clients.entries()) {
    const participant = participants[index];
    const visits: {
      timepointId: string;
      sessionNumber: number | null;
      answers: Record<string, DemoAnswers>;
    }[] = [
      { timepointId: target.timepointIds.baseline, sessionNumber: null, answers: client.baseline },
      ...client.sessions.map(({ number, ...answers }) => ({
        timepointId: target.timepointIds.session,
        sessionNumber: number,
        answers: answers as Record<string, DemoAnswers>,
      })),
      { timepointId: target.timepointIds.end, sessionNumber: null, answers: client.end },
    ];
    const invitations = visits.map((visit) =>
      m.create(Invitation, {
        ...owned,
        participantId: participant.id,
        timepointId: visit.timepointId,
        sessionNumber: visit.sessionNumber,
        tokenHash: hashToken(createToken()),
        status: 'completed',
        expiresAt: new Date(now + 30 * DAY),
        completedAt: new Date(now),
      }),
    );
    await m.save(invitations);
    for (const [visitIndex, visit] of visits.entries()) {
      for (const [instrumentId, answers] of Object.entries(visit.answers)) {
        const practitioner = instrumentId === 'klik-session-log';
        await writer.write(
          m,
          {
            ...owned,
            participantId: participant.id,
            timepointId: visit.timepointId,
            sessionNumber: visit.sessionNumber,
            respondent: practitioner ? 'practitioner' : 'client',
            invitationId: practitioner ? null : invitations[visitIndex].id,
            respondentUserId: practitioner ? participant.practitionerId : null,
          },
          getInstrument(instrumentId, '1.0.0'),
          index % 3 === 0 ? 'en' : 'nl',
          answers,
        );
      }
    }
  }
  return participants.map((participant) => participant.id);
}

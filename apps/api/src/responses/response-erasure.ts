import type { EntityManager } from 'typeorm';
import { ResponseRecord } from './response.entity';
import { ScoreRecord } from './score.entity';

/** Deletes every response and score of a participant, in the caller's transaction; returns the responses deleted. */
export async function eraseResponses(m: EntityManager, participantId: string): Promise<number> {
  await m.delete(ScoreRecord, { participantId });
  return (await m.delete(ResponseRecord, { participantId })).affected ?? 0;
}

/** Deletes a participant's answers in progress (never submitted), in the caller's transaction. */
export async function discardDraftResponses(m: EntityManager, participantId: string): Promise<void> {
  await m.delete(ResponseRecord, { participantId, status: 'in_progress' });
}

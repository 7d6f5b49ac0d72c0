import type { EntityManager } from 'typeorm';

/**
 * A withdrawal that erases the participant's responses erases the answer values its safety signals copied too.
 * The signals stay (that a risk item was endorsed, when, and who acted on it is the care record, and the
 * practitioner may still need to act), with the item ids and kinds but no values. A step of the withdrawal
 * orchestration (withdrawal/withdrawal.service.ts).
 */
export async function eraseSignalAnswers(m: EntityManager, participantId: string): Promise<void> {
  await m.query(
    `UPDATE safety_signals
        SET items = (SELECT coalesce(jsonb_agg(item - 'value'), '[]'::jsonb) FROM jsonb_array_elements(items) item)
      WHERE participant_id = $1`,
    [participantId],
  );
}

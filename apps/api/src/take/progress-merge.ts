/**
 * How a progress save (`PUT /api/take/progress`) joins what is stored for one instrument (issue 11, "no answer is
 * lost"): **merged per item**, last write wins per item, with a **sequence guard** per participant session.
 * - Items in the save replace the stored value of that item; items not in it stay as stored, so saves of different
 *   items from two devices both survive. `null` clears an item.
 * - Each save may carry `sequence`, a number the page increases with every save (it sends `Date.now()`, raised past
 *   its previous one). An item (and the page index) last written by the same session with a higher sequence is not
 *   overwritten: a save that arrives late cannot undo a newer one. Between two sessions (two devices) the later
 *   arrival wins: their sequences are not compared, so a device with a wrong clock cannot freeze an answer.
 * A pure function; take.service.ts validates the result and stores it under a row lock.
 */

/** Who wrote an item last: the participant session and that save's sequence (null: the page sent none). */
export interface ItemWrite {
  session: string;
  sequence: number | null;
}

/** The key under which the page index's last write is kept, beside the item ids (never an item id). */
export const PAGE_KEY = '$page';

export interface StoredProgress {
  answers: Record<string, unknown>;
  pageIndex: number;
  itemWrites: Record<string, ItemWrite>;
}

export interface ProgressSave {
  session: string;
  sequence: number | null;
  answers: Record<string, unknown>;
  pageIndex: number;
}

export interface MergedProgress extends StoredProgress {
  /** Items of the save left alone because the same session had already saved a newer value. */
  stale: string[];
  /** Items of the save that were applied (to be validated). */
  applied: string[];
}

const isOlder = (previous: ItemWrite | undefined, save: ProgressSave): boolean =>
  previous !== undefined &&
  previous.session === save.session &&
  previous.sequence !== null &&
  save.sequence !== null &&
  save.sequence < previous.sequence;

export function mergeProgress(stored: StoredProgress | null, save: ProgressSave): MergedProgress {
  const answers: Record<string, unknown> = { ...(stored?.answers ?? {}) };
  const itemWrites: Record<string, ItemWrite> = { ...(stored?.itemWrites ?? {}) };
  const write: ItemWrite = { session: save.session, sequence: save.sequence };
  const stale: string[] = [];
  const applied: string[] = [];
  for (const [item, value] of Object.entries(save.answers)) {
    if (isOlder(itemWrites[item], save)) {
      stale.push(item);
      continue;
    }
    if (value === null) delete answers[item];
    else answers[item] = value;
    itemWrites[item] = write;
    applied.push(item);
  }
  let pageIndex = stored?.pageIndex ?? 0;
  if (!isOlder(itemWrites[PAGE_KEY], save)) {
    pageIndex = save.pageIndex;
    itemWrites[PAGE_KEY] = write;
  }
  return { answers, pageIndex, itemWrites, stale, applied };
}

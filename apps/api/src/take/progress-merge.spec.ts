import { mergeProgress, PAGE_KEY, type StoredProgress } from './progress-merge';

const save = (session: string, sequence: number | null, answers: Record<string, unknown>, pageIndex = 0) => ({
  session,
  sequence,
  answers,
  pageIndex,
});

describe('mergeProgress', () => {
  it('starts from nothing: every item applied, stamped with the session and sequence', () => {
    const merged = mergeProgress(null, save('a', 10, { q1: 1, q2: 2 }, 1));
    expect(merged).toEqual({
      answers: { q1: 1, q2: 2 },
      pageIndex: 1,
      itemWrites: {
        q1: { session: 'a', sequence: 10 },
        q2: { session: 'a', sequence: 10 },
        [PAGE_KEY]: { session: 'a', sequence: 10 },
      },
      stale: [],
      applied: ['q1', 'q2'],
    });
  });

  it('keeps items a save leaves out, so two devices answering different items both count', () => {
    const first = mergeProgress(null, save('phone', 100, { q1: 1 }));
    const second = mergeProgress(first, save('laptop', 1, { q2: 2 }));
    expect(second.answers).toEqual({ q1: 1, q2: 2 });
    expect(second.stale).toEqual([]);
  });

  it('ignores, per item, a save of the same session older than the one that wrote the item', () => {
    const newer = mergeProgress(null, save('a', 20, { q1: 3 }, 2));
    const late = mergeProgress(newer, save('a', 15, { q1: 0, q2: 1 }, 1));
    expect(late.answers).toEqual({ q1: 3, q2: 1 });
    expect(late.pageIndex).toBe(2);
    expect(late.stale).toEqual(['q1']);
    expect(late.applied).toEqual(['q2']);
    // The same save again (a retry) is not older: it applies, with the same values.
    expect(mergeProgress(newer, save('a', 20, { q1: 3 })).stale).toEqual([]);
  });

  it('lets the later arrival win between sessions (their sequences are not compared)', () => {
    const phone = mergeProgress(null, save('phone', 1_000_000, { q1: 1 }));
    expect(mergeProgress(phone, save('laptop', 5, { q1: 2 })).answers).toEqual({ q1: 2 });
  });

  it('clears an item sent as null, and a late older save cannot bring it back', () => {
    const given = mergeProgress(null, save('a', 1, { q1: 1, q2: 2 }));
    const cleared = mergeProgress(given, save('a', 2, { q1: null }));
    expect(cleared.answers).toEqual({ q2: 2 });
    expect(mergeProgress(cleared, save('a', 1, { q1: 1 })).answers).toEqual({ q2: 2 });
  });

  it('applies saves without a sequence (older pages) like a newer one', () => {
    const stored: StoredProgress = {
      answers: { q1: 1 },
      pageIndex: 3,
      itemWrites: { q1: { session: 'a', sequence: 50 }, [PAGE_KEY]: { session: 'a', sequence: 50 } },
    };
    const merged = mergeProgress(stored, save('a', null, { q1: 2 }, 0));
    expect(merged.answers).toEqual({ q1: 2 });
    expect(merged.pageIndex).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TakeApiError } from '../api/take-api';
import type { ProgressBody } from '../api/take-types';
import { answersToSave, OUTBOX_STORAGE_KEY, ProgressOutbox, type OutboxState } from './progress-outbox';

const body = (instrumentId: string, answers: Record<string, unknown>, pageIndex = 0): ProgressBody => ({
  instrumentId,
  language: 'nl',
  pageIndex,
  answers,
});

/** A body as the test wrote it: the outbox adds the sequence, checked on its own below. */
const unstamped = ({ sequence: _sequence, ...rest }: ProgressBody): ProgressBody => rest;

const networkError = () => new TakeApiError(0, 'network_error', 'The server could not be reached.');

/** An outbox whose server records what it stored, and whose replies a test can script. */
function setUp({ scope = 'study-a', replies = [] as (Error | undefined)[] } = {}) {
  const sent: ProgressBody[] = [];
  const sequences: number[] = [];
  const states: OutboxState[] = [];
  const unavailable = vi.fn();
  const blocked = vi.fn();
  const send = vi.fn(async (next: ProgressBody) => {
    const reply = replies.shift();
    if (reply) throw reply;
    sent.push(unstamped(structuredClone(next)));
    sequences.push(next.sequence ?? -1);
  });
  const outbox = new ProgressOutbox({
    scope,
    send,
    debounceMs: 800,
    onState: (state) => states.push(state),
    onUnavailable: unavailable,
    onBlocked: blocked,
  });
  return { outbox, sent, sequences, send, states, unavailable, blocked };
}

const stored = () => {
  const kept = JSON.parse(sessionStorage.getItem(OUTBOX_STORAGE_KEY) ?? 'null') as {
    scope: string;
    entries: ProgressBody[];
  } | null;
  return kept && { ...kept, entries: kept.entries.map(unstamped) };
};

let online = true;

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});

afterEach(() => {
  vi.useRealTimers();
});

function goOnline() {
  online = true;
  globalThis.dispatchEvent(new Event('online'));
}

describe('ProgressOutbox: debounce', () => {
  it('sends an instrument once, 800 ms after its last change, with the latest answers', async () => {
    const { outbox, sent, states } = setUp();
    outbox.update(body('alpha', { a1: 1 }));
    await vi.advanceTimersByTimeAsync(500);
    outbox.update(body('alpha', { a1: 1, a2: 0 }));
    await vi.advanceTimersByTimeAsync(799);
    expect(sent).toEqual([]);
    expect(states).toEqual(['waiting']);

    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([body('alpha', { a1: 1, a2: 0 })]);
    expect(states).toEqual(['waiting', 'saving', 'saved']);
    expect(stored()).toBeNull();
  });

  it('keeps every change in sessionStorage at once, before the debounce has run', () => {
    const { outbox } = setUp();
    outbox.update(body('alpha', { a1: 1 }));
    expect(stored()).toEqual({ scope: 'study-a', entries: [body('alpha', { a1: 1 })] });
  });

  it('sends at once after a page turn, and flush() cuts every debounce short', async () => {
    const { outbox, sent } = setUp();
    outbox.update(body('alpha', { a1: 1 }));
    outbox.update(body('beta', { b1: 3 }, 1), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([body('beta', { b1: 3 }, 1)]);
    outbox.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([body('beta', { b1: 3 }, 1), body('alpha', { a1: 1 })]);
  });

  it('sends a newer version given while the older one is on its way, after it', async () => {
    let release = () => undefined as void;
    const { outbox, send } = setUp();
    const seen: ProgressBody[] = [];
    send.mockImplementationOnce(async (next: ProgressBody) => {
      seen.push(unstamped(structuredClone(next)));
      await new Promise<void>((resolve) => (release = resolve));
    });
    send.mockImplementation(async (next: ProgressBody) => void seen.push(unstamped(structuredClone(next))));
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    outbox.update(body('alpha', { a1: 0 }), { immediate: true });
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([body('alpha', { a1: 1 }), body('alpha', { a1: 0 })]);
    expect(stored()).toBeNull();
  });
});

describe('ProgressOutbox: offline', () => {
  it('keeps answers while offline and sends each instrument once, in order of change, when the connection returns', async () => {
    const { outbox, sent, send, states } = setUp();
    online = false;
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    outbox.update(body('beta', { b1: 0 }), { immediate: true });
    outbox.update(body('alpha', { a1: 1, a2: 1 }, 1));
    await vi.advanceTimersByTimeAsync(10_000);

    expect(send).not.toHaveBeenCalled();
    expect(states.at(-1)).toBe('offline');
    expect(stored()?.entries).toEqual([body('beta', { b1: 0 }), body('alpha', { a1: 1, a2: 1 }, 1)]);

    goOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([body('beta', { b1: 0 }), body('alpha', { a1: 1, a2: 1 }, 1)]);
    expect(states.at(-1)).toBe('saved');
    expect(stored()).toBeNull();

    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('treats a save that fails on the way as offline: kept, then tried again with back-off', async () => {
    const { outbox, sent, send, states } = setUp({ replies: [networkError(), networkError()] });
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('offline');
    expect(stored()?.entries).toEqual([body('alpha', { a1: 1 })]);

    await vi.advanceTimersByTimeAsync(1_000); // first retry after 1 s: fails again
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_999); // the next one waits 2 s
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([body('alpha', { a1: 1 })]);
    expect(states.at(-1)).toBe('saved');
  });

  it('says "failed" (not offline) for a server error, and retries the same way', async () => {
    const { outbox, sent, states } = setUp({ replies: [new TakeApiError(503, 'http_error', 'Unavailable')] });
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('failed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual([body('alpha', { a1: 1 })]);
  });

  it('lets drained() wait through an offline spell', async () => {
    const { outbox } = setUp();
    online = false;
    outbox.update(body('alpha', { a1: 1 }));
    let drained = false;
    void outbox.drained().then(() => (drained = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(drained).toBe(false);
    goOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBe(true);
  });
});

describe('ProgressOutbox: across a reload', () => {
  it('restores unsent answers of the same invitation, and only of that one', async () => {
    const first = setUp();
    online = false;
    first.outbox.update(body('alpha', { a1: 1 }, 1), { immediate: true });
    first.outbox.stop();

    expect(setUp({ scope: 'study-b' }).outbox.unsent()).toEqual([]);
    const again = setUp();
    expect(again.outbox.unsent().map(unstamped)).toEqual([body('alpha', { a1: 1 }, 1)]);
    goOnline();
    again.outbox.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(again.sent).toEqual([body('alpha', { a1: 1 }, 1)]);
  });

  it('ignores a damaged stored entry', () => {
    sessionStorage.setItem(OUTBOX_STORAGE_KEY, '{not json');
    expect(setUp().outbox.unsent()).toEqual([]);
  });

  it('forgets everything on discard()', () => {
    const { outbox } = setUp();
    outbox.update(body('alpha', { a1: 1 }));
    outbox.discard();
    expect(stored()).toBeNull();
    expect(outbox.unsent()).toEqual([]);
  });
});

describe('ProgressOutbox: what the server merges', () => {
  it('stamps each version with a rising sequence when it is given, also within one millisecond', async () => {
    const { outbox, sequences } = setUp();
    vi.setSystemTime(1_767_225_600_000);
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    outbox.update(body('beta', { b1: 1 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    outbox.update(body('alpha', { a1: 0 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sequences).toEqual([1_767_225_600_000, 1_767_225_600_001, 1_767_225_600_002]);
  });

  it('sends an item that is no longer answered as null, and keeps it cleared across unsent versions', async () => {
    expect(answersToSave({ a1: 1, a2: 0 }, { a1: 1 })).toEqual({ a1: 1, a2: null });
    expect(answersToSave({}, { a1: 1 })).toEqual({ a1: 1 });

    const { outbox, sent } = setUp();
    outbox.update(body('alpha', answersToSave({ a1: 1, a2: 0 }, { a1: 1 })));
    outbox.update(body('alpha', answersToSave({ a1: 1 }, { a1: 1, a3: 2 })));
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual([body('alpha', { a1: 1, a2: null, a3: 2 })]);
  });
});

describe('ProgressOutbox: refusals', () => {
  it('stops, keeping the answers, when consent must be renewed first', async () => {
    const renewal = new TakeApiError(409, 'consent_renewal_required', 'Conflict');
    const { outbox, send, blocked } = setUp({ replies: [renewal] });
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(blocked).toHaveBeenCalledWith(renewal);
    expect(send).toHaveBeenCalledTimes(1);
    expect(stored()?.entries).toEqual([body('alpha', { a1: 1 })]);
  });

  it('drops answers the server refuses and goes on with the rest', async () => {
    const refused = new TakeApiError(400, 'answers_invalid', 'Bad Request');
    const { outbox, sent } = setUp({ replies: [refused] });
    outbox.update(body('alpha', { a1: 9 }), { immediate: true });
    outbox.update(body('beta', { b1: 0 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([body('beta', { b1: 0 })]);
    expect(stored()).toBeNull();
  });

  it('stops and reports when the session is gone (401)', async () => {
    const gone = new TakeApiError(401, 'take_unavailable', 'Unauthorized');
    const { outbox, send, unavailable } = setUp({ replies: [gone] });
    outbox.update(body('alpha', { a1: 1 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(unavailable).toHaveBeenCalledWith(gone);
    outbox.update(body('alpha', { a1: 0 }), { immediate: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

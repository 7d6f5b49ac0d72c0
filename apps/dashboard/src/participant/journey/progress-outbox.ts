import { TakeApiError } from '../api/take-api';
import type { Answers, ProgressBody } from '../api/take-types';
import { backoffDelay, browserOnline, retryLater } from './connection';

/**
 * Where the answers of this page stand:
 * - `idle`: nothing to save yet;
 * - `waiting`: answers changed and will be sent shortly (debounced);
 * - `saving`: a save is on its way;
 * - `saved`: the server has every answer given;
 * - `offline`: answers are kept here (and in sessionStorage) until the connection is back;
 * - `failed`: the server could not store them just now (5xx); tried again with back-off.
 */
export type OutboxState = 'idle' | 'waiting' | 'saving' | 'saved' | 'offline' | 'failed';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ProgressOutboxOptions {
  send(body: ProgressBody): Promise<unknown>;
  /**
   * Which invitation the answers belong to. Answers kept under another scope (an earlier link opened in this tab)
   * are never restored.
   */
  scope: string;
  /** Quiet time after the last change of an instrument's answers before they are sent. */
  debounceMs?: number;
  onState?(state: OutboxState): void;
  /** The session is gone (401): nothing can be saved any more. */
  onUnavailable?(error: TakeApiError): void;
  /**
   * The server will take no answers until something else happens first (consent must be renewed, or the
   * questionnaires were sent from elsewhere): sending stops, the kept answers stay in storage for after it.
   */
  onBlocked?(error: TakeApiError): void;
  /** Defaults to sessionStorage: a reload of the tab keeps unsent answers, closing the tab forgets them. */
  storage?: StorageLike | null;
}

interface Entry {
  body: ProgressBody;
  /** False while the debounce runs: the participant may still be changing this instrument's answers. */
  ready: boolean;
}

export const OUTBOX_STORAGE_KEY = 'klik.take.unsentProgress';
const DEFAULT_DEBOUNCE_MS = 800;

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

const isRetryable = (error: unknown) =>
  !(error instanceof TakeApiError) || error.status === 0 || error.status >= 500;

/** Refusals that are about the session's standing, not the answers: they may be sent once it is sorted out. */
const BLOCKING_CODES = new Set(['consent_required', 'consent_renewal_required', 'timepoint_completed']);

/**
 * The answers to send for an instrument whose answers went from `previous` to `given`: the server merges per item,
 * so an item that is no longer answered (taken back, or its question hidden) is sent as `null` to clear it.
 */
export function answersToSave(previous: Answers, given: Answers): Answers {
  const cleared = Object.keys(previous).filter((item) => !(item in given) && previous[item] !== undefined);
  return { ...Object.fromEntries(cleared.map((item) => [item, null])), ...given };
}

/**
 * The answers of the participant page on their way to `PUT /api/take/progress`. Each instrument's answers go as a
 * whole (the body is the full answer set), so only the latest version per instrument is kept and sent: debounced
 * after a change, at once after a page turn. Sends one at a time, in the order the instruments changed; a newer
 * version waiting behind one in flight goes next. Unsent answers live in sessionStorage until the server has them.
 * Offline (the browser says so, or a save failed on the way) it waits for the `online` event or a back-off retry;
 * answers the server refuses (400, 403, 409) are dropped, since sending them again cannot succeed.
 */
export class ProgressOutbox {
  private readonly entries = new Map<string, Entry>();
  private readonly debounces = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly drainWaiters: (() => void)[] = [];
  private readonly storage: StorageLike | null;
  private readonly debounceMs: number;
  private sending = false;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private stateValue: OutboxState = 'idle';
  private stopped = false;
  private lastSequence = 0;

  constructor(private readonly options: ProgressOutboxOptions) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    for (const body of this.readStored()) {
      this.entries.set(body.instrumentId, { body, ready: true });
      this.lastSequence = Math.max(this.lastSequence, body.sequence ?? 0);
    }
    if (this.entries.size > 0) this.stateValue = 'waiting';
  }

  get state(): OutboxState {
    return this.stateValue;
  }

  /** Answers kept from before a reload, not yet confirmed by the server (newest per instrument). */
  unsent(): ProgressBody[] {
    return [...this.entries.values()].map((entry) => entry.body);
  }

  /**
   * Takes the latest answers of an instrument: sent after the debounce, or at once with `immediate`. Stamped with
   * its `sequence` now, when the answers were given, not when they leave. Items an unsent earlier version cleared
   * stay cleared unless answered again.
   */
  update(body: ProgressBody, { immediate = false }: { immediate?: boolean } = {}): void {
    if (this.stopped) return;
    const earlier = this.entries.get(body.instrumentId)?.body.answers ?? {};
    const carried = Object.fromEntries(
      Object.entries(earlier).filter(([item, value]) => value === null && !(item in body.answers)),
    );
    this.lastSequence = Math.max(Date.now(), this.lastSequence + 1);
    const stamped = { ...body, answers: { ...carried, ...body.answers }, sequence: this.lastSequence };
    this.entries.delete(body.instrumentId);
    this.entries.set(body.instrumentId, { body: stamped, ready: immediate });
    this.persist();
    clearTimeout(this.debounces.get(body.instrumentId));
    this.debounces.delete(body.instrumentId);
    if (immediate) {
      this.pump();
      return;
    }
    if (!this.sending && this.stateValue !== 'offline' && this.stateValue !== 'failed')
      this.setState('waiting');
    this.debounces.set(
      body.instrumentId,
      setTimeout(() => {
        this.debounces.delete(body.instrumentId);
        const entry = this.entries.get(body.instrumentId);
        if (entry) entry.ready = true;
        this.pump();
      }, this.debounceMs),
    );
  }

  /** Sends everything now (a page turn, the end of the questionnaires). */
  flush(): void {
    for (const [instrumentId, timer] of this.debounces) {
      clearTimeout(timer);
      const entry = this.entries.get(instrumentId);
      if (entry) entry.ready = true;
    }
    this.debounces.clear();
    for (const entry of this.entries.values()) entry.ready = true;
    this.pump();
  }

  /** Resolves once the server has every answer (waiting as long as the page is offline). */
  drained(): Promise<void> {
    this.flush();
    if (this.entries.size === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** The connection is back (the `online` event): try at once instead of waiting for the back-off. */
  reconnected(): void {
    if (this.entries.size === 0 || this.sending || this.stopped) return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.attempt = 0;
    this.flush();
  }

  /**
   * Forgets every unsent answer, here and in storage: the timepoint was submitted, or the participant withdrew.
   * Pending `drained()` calls resolve.
   */
  discard(): void {
    this.entries.clear();
    this.persist();
    this.stop();
  }

  /** Stops timers and sending; what is unsent stays in storage for the next load of the page. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.resolveDrained();
  }

  private pump(): void {
    if (this.sending || this.stopped || this.cancelRetry) return;
    if (![...this.entries.values()].some((entry) => entry.ready)) return;
    if (!browserOnline()) {
      this.setState('offline');
      this.scheduleRetry();
      return;
    }
    this.sending = true;
    void this.sendAll().finally(() => {
      this.sending = false;
    });
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const next = [...this.entries.values()].find((entry) => entry.ready);
      if (!next || this.stopped) break;
      this.setState('saving');
      try {
        await this.options.send(next.body);
      } catch (error) {
        if (this.stopped) return;
        if (isRetryable(error)) {
          const offline = !(error instanceof TakeApiError) || error.status === 0 || !browserOnline();
          this.setState(offline ? 'offline' : 'failed');
          this.sending = false;
          this.scheduleRetry();
          return;
        }
        if (error instanceof TakeApiError && error.isUnavailable) {
          this.stop();
          this.options.onUnavailable?.(error);
          return;
        }
        if (error instanceof TakeApiError && BLOCKING_CODES.has(error.code)) {
          this.stop();
          this.options.onBlocked?.(error);
          return;
        }
        // Refused (invalid answers, a completed timepoint): sending them again cannot succeed.
      }
      this.attempt = 0;
      if (this.entries.get(next.body.instrumentId) === next) {
        this.entries.delete(next.body.instrumentId);
        this.persist();
      }
    }
    if (this.stopped) return;
    if (this.entries.size === 0) {
      this.setState('saved');
      this.resolveDrained();
    } else {
      this.setState('waiting');
    }
  }

  private scheduleRetry(): void {
    if (this.cancelRetry || this.stopped) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.cancelRetry = retryLater(delay, () => {
      this.cancelRetry = null;
      this.flush();
    });
  }

  private resolveDrained(): void {
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  private setState(state: OutboxState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.options.onState?.(state);
  }

  private readStored(): ProgressBody[] {
    try {
      const raw = this.storage?.getItem(OUTBOX_STORAGE_KEY);
      if (!raw) return [];
      const stored = JSON.parse(raw) as { scope?: unknown; entries?: unknown };
      if (stored.scope !== this.options.scope || !Array.isArray(stored.entries)) return [];
      return (stored.entries as ProgressBody[]).filter(
        (body) =>
          typeof body?.instrumentId === 'string' && typeof body.answers === 'object' && body.answers !== null,
      );
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      if (this.entries.size === 0) this.storage?.removeItem(OUTBOX_STORAGE_KEY);
      else
        this.storage?.setItem(
          OUTBOX_STORAGE_KEY,
          JSON.stringify({ scope: this.options.scope, entries: this.unsent() }),
        );
    } catch {
      // Storage full or blocked: the answers still wait in memory on this page.
    }
  }
}

// When to try again after a call failed on the way (offline, a dropped connection, a server in trouble).

/** False only when the browser knows it is offline (`navigator.onLine`); true where it cannot tell. */
export function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Exponential back-off: 1 s, 2 s, 4 s … at most 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

/**
 * Runs `retry` once: after `delayMs`, or at once when the browser reports the connection is back (the `online`
 * event), whichever comes first, and not before the browser thinks it is online. Returns a cancel function.
 */
export function retryLater(delayMs: number, retry: () => void): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (done) return;
    if (!browserOnline()) {
      // Known to be offline: wait for the online event rather than spend an attempt.
      timer = setTimeout(fire, delayMs);
      return;
    }
    cancel();
    retry();
  };
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    globalThis.removeEventListener?.('online', fire);
  };
  timer = setTimeout(fire, delayMs);
  globalThis.addEventListener?.('online', fire);
  return cancel;
}

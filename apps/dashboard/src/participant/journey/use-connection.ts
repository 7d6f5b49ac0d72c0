import { useEffect, useState } from 'react';
import { browserOnline } from './connection';
import { nextConnectionNotice, type ConnectionNotice } from './connection-notice';
import type { OutboxState } from './progress-outbox';

/**
 * Whether the browser is online (its `online` and `offline` events) and what the page should say about the
 * connection, given where the answers' outbox stands. `onReconnected` runs when the connection comes back.
 */
export function useConnection(outboxState: OutboxState, onReconnected: () => void) {
  const [online, setOnline] = useState(browserOnline);
  const [notice, setNotice] = useState<ConnectionNotice>(null);

  useEffect(() => {
    const wentOnline = () => {
      setOnline(true);
      onReconnected();
    };
    const wentOffline = () => setOnline(false);
    globalThis.addEventListener('online', wentOnline);
    globalThis.addEventListener('offline', wentOffline);
    return () => {
      globalThis.removeEventListener('online', wentOnline);
      globalThis.removeEventListener('offline', wentOffline);
    };
  }, [onReconnected]);

  useEffect(
    () => setNotice((previous) => nextConnectionNotice(previous, online, outboxState)),
    [online, outboxState],
  );

  return { online, notice };
}

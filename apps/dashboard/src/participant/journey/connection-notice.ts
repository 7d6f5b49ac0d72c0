import type { OutboxState } from './progress-outbox';

/**
 * What the page's polite live region says about the connection: offline (answers kept), saving failed for now
 * (tried again), or, once every kept answer reached the server after either, that they are saved again.
 */
export type ConnectionNotice = 'offline' | 'failed' | 'back' | null;

/**
 * The next notice from the previous one, whether the browser is online, and the state of the answers' outbox.
 * Pure, so each transition is tested on its own.
 */
export function nextConnectionNotice(
  previous: ConnectionNotice,
  online: boolean,
  outbox: OutboxState,
): ConnectionNotice {
  if (!online || outbox === 'offline') return 'offline';
  if (outbox === 'failed') return 'failed';
  if (previous === 'offline' || previous === 'failed') {
    if (outbox === 'saved') return 'back';
    // Online again with nothing that was waiting: nothing to report.
    if (outbox === 'idle') return null;
    // Still on their way: keep saying so until they are through.
    return previous;
  }
  return previous;
}

import type { ConnectionNotice } from '../journey/connection-notice';
import type { OutboxState } from '../journey/progress-outbox';
import type { ParticipantMessageKey } from '../participant-messages';
import type { Translate } from './translator';

const SAVE_TEXT: Record<OutboxState, ParticipantMessageKey | null> = {
  idle: null,
  waiting: 'saving',
  saving: 'saving',
  saved: 'saved',
  // The connection notice says it: one message, not two.
  offline: null,
  failed: null,
};

const NOTICE_TEXT: Record<Exclude<ConnectionNotice, null>, ParticipantMessageKey> = {
  offline: 'connectionOffline',
  failed: 'saveFailed',
  back: 'connectionBack',
};

/**
 * Where the answers stand, shown under the questions. Quiet for screen readers: announcing "saving" after every
 * tap would talk over the questions. The connection notice is what they hear.
 */
export function SaveStatus({ t, state }: { t: Translate; state: OutboxState }) {
  const key = SAVE_TEXT[state];
  return (
    <p className="take-save-status" data-status={state}>
      {key ? t(key) : ''}
    </p>
  );
}

/**
 * A polite live region, on every page of an open session from its start (a region added together with its text is
 * not announced): offline and answers kept, not saved yet, or saved again once the connection is back.
 */
export function ConnectionStatus({ t, notice }: { t: Translate; notice: ConnectionNotice }) {
  return (
    <p
      className={notice ? `take-connection take-connection-${notice}` : 'take-connection'}
      role="status"
      aria-live="polite"
      data-notice={notice ?? 'none'}
    >
      {notice ? t(NOTICE_TEXT[notice]) : ''}
    </p>
  );
}

import { useI18n } from '../i18n';
import type { StaffSession } from './sessions-api';
import { summariseUserAgent } from './user-agent';

export interface SessionListProps {
  sessions: readonly StaffSession[];
  /** The session whose end is on its way, if any. */
  busyId: string | null;
  onEnd(session: StaffSession, device: string): void;
}

/** "Firefox on Windows", or as much of it as the user agent tells. */
export function useDeviceLabel(): (userAgent: string | null) => string {
  const { t } = useI18n();
  return (userAgent) => {
    const { browser, os } = summariseUserAgent(userAgent);
    const name = browser ?? t('account.sessions.unknownBrowser');
    return os ? t('account.sessions.browserOn', { browser: name, os }) : name;
  };
}

/**
 * The signed-in person's sessions, newest first, this one marked; each can be ended. A list of small cards rather
 * than a table, so that on a phone every button stays in view.
 */
export function SessionList({ sessions, busyId, onEnd }: SessionListProps) {
  const { t, formatDateTime } = useI18n();
  const deviceLabel = useDeviceLabel();
  return (
    <>
      <p className="muted" id="session-list-summary">
        {sessions.length === 1
          ? t('account.sessions.captionOne')
          : t('account.sessions.caption', { count: sessions.length })}
      </p>
      <ul className="session-list" aria-labelledby="session-list-summary">
        {sessions.map((session) => {
          const device = deviceLabel(session.userAgent);
          return (
            <li key={session.id} className={session.current ? 'session session-current' : 'session'}>
              <p className="session-device">
                <strong title={session.userAgent ?? undefined}>{device}</strong>
                {session.current && (
                  <>
                    {' '}
                    <span className="badge badge-recruiting">{t('account.sessions.current')}</span>
                  </>
                )}
              </p>
              <dl className="session-facts">
                <div>
                  <dt>{t('account.sessions.created')}</dt>
                  <dd>
                    <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('account.sessions.expires')}</dt>
                  <dd>
                    <time dateTime={session.expiresAt}>{formatDateTime(session.expiresAt)}</time>
                  </dd>
                </div>
              </dl>
              <button
                type="button"
                className="button button-small"
                disabled={busyId !== null}
                aria-busy={busyId === session.id || undefined}
                aria-label={
                  session.current
                    ? undefined
                    : t('account.sessions.endLabel', { device, date: formatDateTime(session.createdAt) })
                }
                onClick={() => onEnd(session, device)}
              >
                {session.current ? t('account.sessions.signOutHere') : t('account.sessions.end')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

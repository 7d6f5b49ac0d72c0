import { useRef, useState, useEffect } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { FormAlert } from '../setup/form-controls';
import '../setup/setup.css';
import './account.css';
import { SessionList } from './session-list';
import { endOtherSessions, endSession, listSessions, type StaffSession } from './sessions-api';

export interface SessionsPageProps {
  api: ApiClient;
  session: Session;
  /** Called after this browser's own session was ended (and on a 401): the app shows the login page. */
  onLoggedOut(): void;
}

/** "Your sessions": where you are signed in, with a way to end any of them or all the others at once. */
export function SessionsPage({ api, session, onLoggedOut }: SessionsPageProps) {
  const { t } = useI18n();
  const [action, setAction] = useState<{ busyId: string | null; error: unknown; done: string }>({
    busyId: null,
    error: null,
    done: '',
  });
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const { state, setState, retry } = useLoad<StaffSession[]>(
    session.user.id,
    (signal) => listSessions(api, { signal }),
    onLoggedOut,
  );

  useEffect(() => {
    // The ended row (and its button) is gone: put focus on what happened instead of losing it.
    if (action.done) outcomeRef.current?.focus();
  }, [action.done]);

  const keep = (predicate: (item: StaffSession) => boolean) =>
    setState((current) =>
      current.status === 'loaded' ? { status: 'loaded', data: current.data.filter(predicate) } : current,
    );

  async function run(busyId: string, work: () => Promise<string>) {
    setAction({ busyId, error: null, done: '' });
    try {
      const done = await work();
      setAction({ busyId: null, error: null, done });
    } catch (error) {
      if (isApiError(error) && error.status === 401) onLoggedOut();
      else setAction({ busyId: null, error, done: '' });
    }
  }

  function end(item: StaffSession, device: string) {
    void run(item.id, async () => {
      await endSession(api, item.id);
      if (item.current) {
        onLoggedOut();
        return '';
      }
      keep((other) => other.id !== item.id);
      return t('account.sessions.ended', { device });
    });
  }

  function endOthers() {
    void run('others', async () => {
      const { ended } = await endOtherSessions(api);
      keep((item) => item.current);
      if (ended === 0) return t('account.sessions.endedNone');
      return ended === 1
        ? t('account.sessions.endedOne')
        : t('account.sessions.endedOthers', { count: ended });
    });
  }

  const others = state.status === 'loaded' ? state.data.filter((item) => !item.current).length : 0;
  return (
    <div className="account-sessions">
      <header className="page-header">
        <h1>{t('account.sessions.title')}</h1>
        <p className="muted">{t('account.sessions.intro')}</p>
      </header>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('account.sessions.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('account.sessions.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('studies.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' && (
        <section className="card">
          <FormAlert error={action.error} />
          {action.done && (
            <p className="status-message" role="status" tabIndex={-1} ref={outcomeRef}>
              {action.done}
            </p>
          )}
          <SessionList sessions={state.data} busyId={action.busyId} onEnd={end} />
          <div className="button-row">
            {others > 0 ? (
              <button
                type="button"
                className="button"
                disabled={action.busyId !== null}
                aria-busy={action.busyId === 'others' || undefined}
                onClick={endOthers}
              >
                {t('account.sessions.endOthers')}
              </button>
            ) : (
              <p className="muted">{t('account.sessions.onlyThis')}</p>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

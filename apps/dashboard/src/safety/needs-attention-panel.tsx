import type { ApiClient } from '../api/client';
import { errorMessage } from '../app/error-message';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { NEEDS_ATTENTION_PATH } from './safety-api';
import { SignalCard } from './signal-card';
import { countText } from './signal-count';
import { useSignals } from './use-signals';
import '../setup/setup.css';
import './safety.css';

/** How many open signals the home page shows; the rest are on the page of their own. */
const HOME_LIMIT = 5;

export interface NeedsAttentionPanelProps {
  api: ApiClient;
  /** Signals belong to the active institution: a switch reloads them. */
  institutionId: string;
  onUnauthenticated(): void;
}

/**
 * The top of the home page: the open safety signals this person may see (a practitioner: their clients'; researchers
 * and admins: the institution's), each to acknowledge in place, and the way to all of them.
 */
export function NeedsAttentionPanel({ api, institutionId, onUnauthenticated }: NeedsAttentionPanelProps) {
  const { t, language } = useI18n();
  const { state, openCount, announcement, retry, acknowledge } = useSignals(
    api,
    { status: 'open', language, limit: HOME_LIMIT, offset: 0, studyId: undefined },
    onUnauthenticated,
    institutionId,
  );
  const urgent = openCount !== null && openCount > 0;
  return (
    <section
      className={`card needs-attention-panel${urgent ? ' needs-attention-urgent' : ''}`}
      aria-labelledby="needs-attention-heading"
      aria-busy={state.status === 'loading'}
    >
      <div className="needs-attention-header">
        <h2 id="needs-attention-heading">{t('safety.title')}</h2>
        <Link to={NEEDS_ATTENTION_PATH}>{t('safety.panel.all')}</Link>
      </div>
      <div role="status" className="needs-attention-count">
        {state.status === 'loading' && (
          <p className="loading">
            <span className="spinner" aria-hidden="true" />
            {t('safety.loading')}
          </p>
        )}
        {openCount !== null && <p>{countText(openCount, t)}</p>}
        {announcement && <p className="status-message">{announcement}</p>}
      </div>
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('safety.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('studies.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' && state.data.items.length > 0 && (
        <>
          <ul className="signal-list">
            {state.data.items.map((signal) => (
              <li key={signal.id}>
                <SignalCard signal={signal} headingLevel={3} onAcknowledge={acknowledge} />
              </li>
            ))}
          </ul>
          {state.data.total > state.data.items.length && (
            <p>
              <Link to={NEEDS_ATTENTION_PATH}>
                {t('safety.panel.more', { count: state.data.total - state.data.items.length })}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

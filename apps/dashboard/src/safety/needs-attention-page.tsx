import { useId } from 'react';
import type { ApiClient } from '../api/client';
import type { Study } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { studyTitle } from '../studies/study-text';
import { NEEDS_ATTENTION_PATH, SIGNAL_FILTERS, type SignalFilter } from './safety-api';
import { SignalCard } from './signal-card';
import { countText } from './signal-count';
import { useSignals } from './use-signals';
import '../setup/setup.css';
import './safety.css';

const PAGE = 20;

export interface NeedsAttentionPageProps {
  api: ApiClient;
  institutionId: string;
  /** The query string: status, studyId and offset live there, so a view can be linked. */
  search: string;
  onUnauthenticated(): void;
}

/** Every safety signal this person may see: open, acknowledged or all, per study, 20 at a time. The e-mails link here. */
export function NeedsAttentionPage({
  api,
  institutionId,
  search,
  onUnauthenticated,
}: NeedsAttentionPageProps) {
  const { t, language } = useI18n();
  const id = useId();
  const params = new URLSearchParams(search);
  const status: SignalFilter = SIGNAL_FILTERS.find((value) => value === params.get('status')) ?? 'open';
  const studyId = params.get('studyId') ?? '';
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);

  const studies = useLoad<readonly Study[]>(
    institutionId,
    (signal) => api.listStudies({ signal }).then((list) => list.items),
    onUnauthenticated,
  );
  const { state, openCount, announcement, retry, acknowledge } = useSignals(
    api,
    { status, studyId: studyId || undefined, language, limit: PAGE, offset },
    onUnauthenticated,
    institutionId,
  );

  function setParams(change: Record<string, string | undefined>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(change)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const query = next.toString();
    navigate(`${NEEDS_ATTENTION_PATH}${query ? `?${query}` : ''}`, { replace: true });
  }

  const summary =
    state.status !== 'loaded'
      ? ''
      : openCount !== null
        ? countText(openCount, t)
        : t(`safety.page.total.${status === 'all' ? 'all' : 'acknowledged'}`, { count: state.data.total });

  return (
    <section className="page needs-attention-page" aria-labelledby="needs-attention-page-heading">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/">{t('study.backToStudies')}</Link>
        </p>
        <h1 id="needs-attention-page-heading">{t('safety.title')}</h1>
        <p className="muted">{t('safety.page.intro')}</p>
      </header>
      <form
        className="form filters"
        role="search"
        aria-label={t('safety.page.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('safety.page.show')}</label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(event) =>
                setParams({
                  status: event.target.value === 'open' ? undefined : event.target.value,
                  offset: undefined,
                })
              }
            >
              {SIGNAL_FILTERS.map((value) => (
                <option key={value} value={value}>
                  {t(`safety.filter.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-study`}>{t('safety.page.study')}</label>
            <select
              id={`${id}-study`}
              value={studyId}
              onChange={(event) => setParams({ studyId: event.target.value, offset: undefined })}
            >
              <option value="">{t('safety.page.allStudies')}</option>
              {studies.state.status === 'loaded' &&
                studies.state.data.map((study) => (
                  <option key={study.id} value={study.id}>
                    {studyTitle(study, language)}
                  </option>
                ))}
            </select>
          </div>
        </div>
      </form>
      <div role="status" className="needs-attention-count" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && (
          <p className="loading">
            <span className="spinner" aria-hidden="true" />
            {t('safety.loading')}
          </p>
        )}
        {summary && <p>{summary}</p>}
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
      {state.status === 'loaded' &&
        (state.data.items.length === 0 ? (
          <p className="empty">{t(`safety.page.empty.${status}`)}</p>
        ) : (
          <>
            <p className="muted">
              {t('safety.page.range', {
                from: state.data.offset + 1,
                to: state.data.offset + state.data.items.length,
                total: state.data.total,
              })}
            </p>
            <ul className="signal-list">
              {state.data.items.map((signal) => (
                <li key={signal.id}>
                  <SignalCard signal={signal} headingLevel={2} onAcknowledge={acknowledge} />
                </li>
              ))}
            </ul>
            <nav className="button-row" aria-label={t('safety.page.pages')}>
              <button
                type="button"
                className="button"
                disabled={state.data.offset === 0}
                onClick={() => {
                  const previous = Math.max(0, state.data.offset - PAGE);
                  setParams({ offset: previous > 0 ? String(previous) : undefined });
                }}
              >
                {t('safety.page.previous')}
              </button>
              <button
                type="button"
                className="button"
                disabled={state.data.offset + state.data.items.length >= state.data.total}
                onClick={() => setParams({ offset: String(state.data.offset + PAGE) })}
              >
                {t('safety.page.next')}
              </button>
            </nav>
          </>
        ))}
    </section>
  );
}

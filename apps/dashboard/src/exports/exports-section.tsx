import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useI18n } from '../i18n';
import { StatusMessage } from '../setup/form-controls';
import '../setup/setup.css';
import type { StudySectionProps } from '../study/section-props';
import { ExportForm } from './export-form';
import { ExportItem } from './export-list';
import {
  getExport,
  isFinished,
  listExports,
  startExport,
  type ExportOptions,
  type StudyExport,
} from './exports-api';

/** How often a running export's status is asked for. */
export const POLL_MS = 1000;

/** De-identified exports: the options form, the progress of running exports and every earlier export's files. */
export function ExportsSection({ api, study, onUnauthenticated }: StudySectionProps) {
  const { t } = useI18n();
  const [state, setState] = useState<LoadState<StudyExport[]>>({ status: 'loading' });
  const [submit, setSubmit] = useState<{ busy: boolean; error: unknown; started: boolean }>({
    busy: false,
    error: null,
    started: false,
  });

  useEffect(() => {
    if (study.owned === false) return;
    const controller = new AbortController();
    listExports(api, study.id, { signal: controller.signal })
      .then((list) => setState({ status: 'loaded', data: list.items }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 401) onUnauthenticated();
        else setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, study.id, study.owned, onUnauthenticated]);

  // Poll each unfinished export until it completes or fails.
  const pending =
    state.status === 'loaded' ? state.data.filter((item) => !isFinished(item)).map((i) => i.id) : [];
  const pendingKey = pending.join(',');
  useEffect(() => {
    if (!pendingKey) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      Promise.all(
        pendingKey.split(',').map((id) => getExport(api, study.id, id, { signal: controller.signal })),
      )
        .then((updates) =>
          setState((current) =>
            current.status === 'loaded'
              ? {
                  status: 'loaded',
                  data: current.data.map((item) => updates.find((u) => u.id === item.id) ?? item),
                }
              : current,
          ),
        )
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if (isApiError(error) && error.status === 401) onUnauthenticated();
          else setState({ status: 'error', error });
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, study.id, pendingKey, state, onUnauthenticated]);

  async function start(options: ExportOptions) {
    setSubmit({ busy: true, error: null, started: false });
    try {
      const created = await startExport(api, study.id, options);
      setState((current) => ({
        status: 'loaded',
        data: [created, ...(current.status === 'loaded' ? current.data : [])],
      }));
      setSubmit({ busy: false, error: null, started: true });
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setSubmit({ busy: false, error, started: false });
    }
  }

  if (study.owned === false) {
    return (
      <section className="exports" aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('exports.title')}</h2>
        <p>{t('exports.notOwner')}</p>
      </section>
    );
  }
  return (
    <section className="exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('exports.title')}</h2>
      <p className="muted">{t('exports.intro')}</p>
      <ExportForm busy={submit.busy} error={submit.error} onSubmit={(options) => void start(options)} />
      {submit.started && <StatusMessage>{t('exports.started')}</StatusMessage>}
      <h3>{t('exports.list.title')}</h3>
      {state.status === 'loading' && <p aria-busy="true">…</p>}
      {state.status === 'error' && (
        <p className="alert alert-error" role="alert">
          {errorMessage(state.error, t)}
        </p>
      )}
      {state.status === 'loaded' &&
        (state.data.length === 0 ? (
          <p>{t('exports.list.empty')}</p>
        ) : (
          <ul className="export-list">
            {state.data.map((item) => (
              <ExportItem key={item.id} api={api} item={item} />
            ))}
          </ul>
        ))}
    </section>
  );
}

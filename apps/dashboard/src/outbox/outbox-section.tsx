import { useEffect, useId, useState } from 'react';
import { isApiError } from '../api/api-error';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { FormAlert, StatusMessage } from '../setup/form-controls';
import { getProtocol, listStaff, type StaffMember, type Timepoint } from '../setup/setup-api';
import '../setup/setup.css';
import type { StudySectionProps } from '../study/section-props';
import { studyPath } from '../study/study-sections';
import {
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  listOutbox,
  runOutbox,
  type MessageKind,
  type MessageStatus,
  type OutboxPage,
  type OutboxRun,
} from './outbox-api';
import { OutboxList } from './outbox-list';

const PAGE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

/** The e-mails to participants: what waits, what went, what failed; without SMTP the researcher reads them here. */
export function OutboxSection({ api, study, search, onUnauthenticated }: StudySectionProps) {
  const { t, language } = useI18n();
  const id = useId();
  const params = new URLSearchParams(search);
  const status = oneOf<MessageStatus>(MESSAGE_STATUSES, params.get('status'));
  const kind = oneOf<MessageKind>(MESSAGE_KINDS, params.get('kind'));
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const [timepoints, setTimepoints] = useState<Timepoint[]>([]);
  const [staff, setStaff] = useState<ReadonlyMap<string, StaffMember>>(new Map());
  // Names for the recipients of safety e-mails; without them the address alone is shown.
  useEffect(() => {
    const controller = new AbortController();
    listStaff(api, { signal: controller.signal })
      .then((members) => setStaff(new Map(members.map((member) => [member.userId, member]))))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn('The staff list could not be loaded', error);
      });
    return () => controller.abort();
  }, [api]);
  const [run, setRun] = useState<{ busy: boolean; result: OutboxRun | null; error: unknown }>({
    busy: false,
    result: null,
    error: null,
  });

  const { state, retry } = useLoad<OutboxPage>(
    `${study.id}|${status}|${kind}|${offset}`,
    async (signal) => {
      const [page, protocol] = await Promise.all([
        listOutbox(api, study.id, { status, kind, limit: PAGE, offset }, { signal }),
        getProtocol(api, study.id, { signal }),
      ]);
      setTimepoints(protocol.timepoints);
      return page;
    },
    onUnauthenticated,
  );

  function setParams(change: Record<string, string | undefined>) {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(change)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const query = next.toString();
    navigate(`${studyPath(study.id, 'outbox')}${query ? `?${query}` : ''}`, { replace: true });
  }

  async function runNow() {
    setRun({ busy: true, result: null, error: null });
    try {
      const result = await runOutbox(api, study.id);
      setRun({ busy: false, result, error: null });
      retry();
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setRun({ busy: false, result: null, error });
    }
  }

  const labels = new Map(
    timepoints.map((timepoint) => [timepoint.id, timepoint.label[language] ?? timepoint.key]),
  );
  return (
    <section className="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outbox.title')}</h2>
      {state.status === 'loaded' && !state.data.smtpConfigured && (
        <p className="alert">{t('outbox.noSmtp')}</p>
      )}
      <form
        className="form filters"
        role="search"
        aria-label={t('outbox.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('outbox.column.status')}</label>
            <select
              id={`${id}-status`}
              value={status ?? ''}
              onChange={(event) => setParams({ status: event.target.value, offset: undefined })}
            >
              <option value="">{t('outbox.all')}</option>
              {MESSAGE_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`outbox.status.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('outbox.column.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind ?? ''}
              onChange={(event) => setParams({ kind: event.target.value, offset: undefined })}
            >
              <option value="">{t('outbox.all')}</option>
              {MESSAGE_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`outbox.kind.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={run.busy}
          aria-busy={run.busy}
          onClick={() => void runNow()}
        >
          {t('outbox.runNow')}
        </button>
      </div>
      <FormAlert error={run.error} />
      {run.result && (
        <StatusMessage>
          {t(run.result.smtpConfigured ? 'outbox.runResult' : 'outbox.runResultNoSmtp', {
            planned: run.result.planned,
            sent: run.result.sent,
            failed: run.result.failed,
            cancelled: run.result.cancelled,
          })}
        </StatusMessage>
      )}
      {state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('outbox.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('outbox.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('studies.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' &&
        (state.data.items.length === 0 ? (
          <p className="empty">{t('outbox.empty')}</p>
        ) : (
          <>
            <p className="muted">
              {t('outbox.range', {
                from: state.data.offset + 1,
                to: state.data.offset + state.data.items.length,
                total: state.data.total,
              })}
            </p>
            <OutboxList
              messages={state.data.items}
              timepointLabels={labels}
              staff={staff}
              safetyContactUserId={study.safetyContactUserId ?? null}
            />
            <nav className="button-row" aria-label={t('outbox.pages')}>
              <button
                type="button"
                className="button"
                disabled={state.data.offset === 0}
                onClick={() => {
                  const previous = Math.max(0, state.data.offset - PAGE);
                  setParams({ offset: previous > 0 ? String(previous) : undefined });
                }}
              >
                {t('outbox.previous')}
              </button>
              <button
                type="button"
                className="button"
                disabled={state.data.offset + state.data.items.length >= state.data.total}
                onClick={() => setParams({ offset: String(state.data.offset + PAGE) })}
              >
                {t('outbox.next')}
              </button>
            </nav>
          </>
        ))}
    </section>
  );
}

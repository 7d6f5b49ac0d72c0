import { useEffect, useId, useState } from 'react';
import { isApiError } from '../api/api-error';
import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { listParticipants, type Participant } from '../participants/participants-api';
import { navigate } from '../router';
import { getProtocol, listCohorts, type Cohort, type Timepoint } from '../setup/setup-api';
import '../setup/setup.css';
import { studyPath } from '../study/study-sections';
import type { StudySectionProps } from '../study/section-props';
import { getMonitoring, getTimeline, type Monitoring, type Timeline } from './monitoring-api';
import { ConsentSummary } from './consent-summary';
import { MonitoringTable } from './monitoring-table';
import { ParticipantTimeline } from './participant-timeline';

interface Choices {
  cohorts: Cohort[];
  timepoints: Timepoint[];
  participants: Participant[];
}

/** The largest page the participants API gives; the timeline picker offers these. */
const PICKER_LIMIT = 1000;

/** The catch handler of a load: a 401 ends the session, anything else is shown; an abort is ignored. */
function failure(set: (state: LoadState<never>) => void, signal: AbortSignal, onUnauthenticated: () => void) {
  return (error: unknown) => {
    if (signal.aborted) return;
    if (isApiError(error) && error.status === 401) onUnauthenticated();
    else set({ status: 'error', error });
  };
}

/** Completion per timepoint and cohort, started-not-finished, overdue, and one participant's timeline. */
export function MonitoringSection({ api, study, session, search, onUnauthenticated }: StudySectionProps) {
  const { t, language } = useI18n();
  const id = useId();
  const params = new URLSearchParams(search);
  const cohortId = params.get('cohortId') ?? '';
  const timepointId = params.get('timepointId') ?? '';
  const participantId = params.get('participantId') ?? '';
  const [choices, setChoices] = useState<LoadState<Choices>>({ status: 'loading' });
  const [timeline, setTimeline] = useState<LoadState<Timeline> | null>(null);
  // The choices are reloaded with the counts when the user asks to retry.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const options = { signal: controller.signal };
    Promise.all([
      listCohorts(api, study.id, options),
      getProtocol(api, study.id, options),
      listParticipants(api, study.id, { limit: PICKER_LIMIT, offset: 0 }, options),
    ])
      .then(([cohorts, protocol, page]) =>
        setChoices({
          status: 'loaded',
          data: {
            // Monitoring counts the own participants: a partner institution's cohort would always be empty.
            cohorts: cohorts.filter((cohort) => cohort.institutionId === session.activeInstitutionId),
            timepoints: protocol.timepoints,
            participants: page.items,
          },
        }),
      )
      .catch(failure(setChoices, controller.signal, onUnauthenticated));
    return () => controller.abort();
  }, [api, study.id, session.activeInstitutionId, attempt, onUnauthenticated]);

  const { state: counts, retry: retryCounts } = useLoad<Monitoring>(
    `${study.id}|${cohortId}|${timepointId}`,
    (signal) =>
      getMonitoring(
        api,
        study.id,
        { cohortId: cohortId || undefined, timepointId: timepointId || undefined },
        { signal },
      ),
    onUnauthenticated,
  );

  useEffect(() => {
    if (!participantId) {
      setTimeline(null);
      return;
    }
    const controller = new AbortController();
    setTimeline({ status: 'loading' });
    getTimeline(api, study.id, participantId, { signal: controller.signal })
      .then((data) => setTimeline({ status: 'loaded', data }))
      .catch(failure(setTimeline, controller.signal, onUnauthenticated));
    return () => controller.abort();
  }, [api, study.id, participantId, onUnauthenticated]);

  function setFilter(name: string, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(`${studyPath(study.id, 'monitoring')}${query ? `?${query}` : ''}`, { replace: true });
  }

  const timepoints = choices.status === 'loaded' ? choices.data.timepoints : [];
  const labels = new Map(
    timepoints.map((timepoint) => [timepoint.key, timepoint.label[language] ?? timepoint.key]),
  );
  return (
    <section className="monitoring" aria-labelledby="monitoring-heading">
      <h2 id="monitoring-heading">{t('monitoring.title')}</h2>
      <form
        className="form filters"
        role="search"
        aria-label={t('monitoring.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-cohort`}>{t('monitoring.cohort')}</label>
            <select
              id={`${id}-cohort`}
              value={cohortId}
              onChange={(event) => setFilter('cohortId', event.target.value)}
            >
              <option value="">{t('monitoring.allCohorts')}</option>
              {choices.status === 'loaded' &&
                choices.data.cohorts.map((cohort) => (
                  <option key={cohort.id} value={cohort.id}>
                    {cohort.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-timepoint`}>{t('monitoring.timepoint')}</label>
            <select
              id={`${id}-timepoint`}
              value={timepointId}
              onChange={(event) => setFilter('timepointId', event.target.value)}
            >
              <option value="">{t('monitoring.allTimepoints')}</option>
              {timepoints.map((timepoint) => (
                <option key={timepoint.id} value={timepoint.id}>
                  {timepoint.label[language] ?? timepoint.key}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <div aria-live="polite" aria-busy={counts.status === 'loading'}>
        {counts.status === 'loading' && (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('monitoring.loading')}
          </p>
        )}
        {counts.status === 'error' && (
          <div className="alert alert-error" role="alert">
            <p>
              {t('monitoring.loadFailed')} {errorMessage(counts.error, t)}
            </p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setAttempt((n) => n + 1);
                retryCounts();
              }}
            >
              {t('studies.retry')}
            </button>
          </div>
        )}
        {counts.status === 'loaded' && (
          <>
            <p className="muted">
              {t('monitoring.asOf', {
                date: new Date(counts.data.asOf).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB'),
              })}
            </p>
            {counts.data.timepoints.length === 0 ? (
              <p className="empty">{t('monitoring.empty')}</p>
            ) : (
              counts.data.timepoints.map((timepoint) => (
                <MonitoringTable key={timepoint.timepointId} timepoint={timepoint} />
              ))
            )}
            <p className="muted">{t('monitoring.explain')}</p>
            {counts.data.consent && <ConsentSummary consent={counts.data.consent} />}
          </>
        )}
      </div>
      <section className="card participants-panel" aria-labelledby={`${id}-timeline-heading`}>
        <h3 id={`${id}-timeline-heading`}>{t('monitoring.timeline.title')}</h3>
        <div className="field">
          <label htmlFor={`${id}-participant`}>{t('monitoring.timeline.participant')}</label>
          <select
            id={`${id}-participant`}
            value={participantId}
            onChange={(event) => setFilter('participantId', event.target.value)}
          >
            <option value="">{t('monitoring.timeline.choose')}</option>
            {choices.status === 'loaded' &&
              choices.data.participants.map((participant) => (
                <option key={participant.id} value={participant.id}>
                  {participant.code}
                </option>
              ))}
          </select>
        </div>
        {timeline?.status === 'loading' && (
          <p className="loading" role="status">
            {t('monitoring.timeline.loading')}
          </p>
        )}
        {timeline?.status === 'error' && (
          <p className="alert alert-error" role="alert">
            {t('monitoring.timeline.loadFailed')} {errorMessage(timeline.error, t)}
          </p>
        )}
        {timeline?.status === 'loaded' && (
          <ParticipantTimeline timeline={timeline.data} timepointLabels={labels} />
        )}
      </section>
    </section>
  );
}

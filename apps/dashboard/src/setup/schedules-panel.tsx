import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Language } from '../api/types';
import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useI18n } from '../i18n';
import { ScheduleForm } from './schedule-form';
import { getSchedule, putSchedule, type Schedule, type Timepoint } from './setup-api';

export interface SchedulesPanelProps {
  api: ApiClient;
  studyId: string;
  /** The saved protocol's timepoints; session timepoints follow the sessions and have no calendar schedule. */
  timepoints: readonly Timepoint[];
  canEdit: boolean;
  onFailure(error: unknown): void;
}

/** The e-mail schedules of the calendar timepoints. */
export function SchedulesPanel({ api, studyId, timepoints, canEdit, onFailure }: SchedulesPanelProps) {
  const { t, language } = useI18n();
  const calendar = timepoints.filter((timepoint) => timepoint.kind !== 'session');
  const ids = calendar.map((timepoint) => timepoint.id).join();
  const [state, setState] = useState<LoadState<Schedule[]>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    const wanted = ids ? ids.split(',') : [];
    Promise.all(wanted.map((id) => getSchedule(api, studyId, id, { signal: controller.signal })))
      .then((schedules) => setState({ status: 'loaded', data: schedules }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        onFailure(error);
        setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, studyId, ids, onFailure]);

  const nameOf = (timepoint: Timepoint) => timepoint.label[language as Language] ?? timepoint.key;
  return (
    <section className="card setup-panel" aria-labelledby="setup-schedules-heading">
      <h3 id="setup-schedules-heading">{t('setup.schedule.title')}</h3>
      <p className="muted">{t('setup.schedule.intro')}</p>
      {calendar.length === 0 && <p className="empty">{t('setup.schedule.none')}</p>}
      {state.status === 'loading' && calendar.length > 0 && (
        <p className="loading" role="status">
          {t('setup.schedule.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <p className="alert alert-error" role="alert">
          {errorMessage(state.error, t)}
        </p>
      )}
      {state.status === 'loaded' &&
        calendar.map((timepoint) => {
          const schedule = state.data.find((candidate) => candidate.timepointId === timepoint.id);
          return schedule ? (
            <ScheduleForm
              key={timepoint.id}
              name={nameOf(timepoint)}
              schedule={schedule}
              canEdit={canEdit}
              onSave={async (input) => {
                try {
                  return await putSchedule(api, studyId, timepoint.id, input);
                } catch (error) {
                  onFailure(error);
                  throw error;
                }
              }}
            />
          ) : null;
        })}
    </section>
  );
}

import { useCallback, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { StudyStatus } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import type { StudySectionProps } from '../study/section-props';
import { CohortsPanel } from './cohorts-panel';
import { ConsentPanel } from './consent-panel';
import { ProtocolEditor } from './protocol-editor';
import {
  addConsentVersion,
  createCohort,
  getProtocol,
  listCohorts,
  listConsentVersions,
  listInstruments,
  putProtocol,
  renameCohort,
  updateStudy,
  type Cohort,
  type ConsentVersion,
  type InstrumentSummary,
  type Timepoint,
  type StudyInput,
} from './setup-api';
import { SchedulesPanel } from './schedules-panel';
import { StatusPanel } from './status-panel';
import { StudyDetailsForm } from './study-details-form';
import './setup.css';

interface SetupData {
  cohorts: Cohort[];
  consents: ConsentVersion[];
  timepoints: Timepoint[];
  catalog: InstrumentSummary[];
}

/** Edits a study: details, status, cohorts, consent versions and protocol. Only the owning institution edits. */
export function SetupSection({ api, study, onStudyChange, onUnauthenticated }: StudySectionProps) {
  const { t } = useI18n();
  const [details, setDetails] = useState<{ busy: boolean; error: unknown; saved: boolean }>({
    busy: false,
    error: null,
    saved: false,
  });
  const [statusChange, setStatusChange] = useState<{ busy: boolean; error: unknown }>({
    busy: false,
    error: null,
  });

  const endSessionOn401 = useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
    },
    [onUnauthenticated],
  );
  const fail = useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      throw error;
    },
    [onUnauthenticated],
  );

  const { state, setState, retry } = useLoad<SetupData>(
    study.id,
    async (signal) => {
      const options = { signal };
      const [cohorts, consents, protocol, catalog] = await Promise.all([
        listCohorts(api, study.id, options),
        listConsentVersions(api, study.id, options),
        getProtocol(api, study.id, options),
        listInstruments(api, options),
      ]);
      return { cohorts, consents, timepoints: protocol.timepoints, catalog };
    },
    onUnauthenticated,
  );

  const canEdit = study.owned !== false && study.status !== 'closed';
  const setData = (change: (data: SetupData) => SetupData) =>
    setState((current) =>
      current.status === 'loaded' ? { status: 'loaded', data: change(current.data) } : current,
    );

  async function saveDetails(input: StudyInput) {
    setDetails({ busy: true, error: null, saved: false });
    try {
      const draft = study.status === 'draft';
      const changed = await updateStudy(api, study.id, {
        title: input.title,
        description: input.description,
        ...(draft ? { languages: input.languages, withdrawalPolicy: input.withdrawalPolicy } : {}),
      });
      onStudyChange(changed);
      setDetails({ busy: false, error: null, saved: true });
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setDetails({ busy: false, error, saved: false });
    }
  }

  async function changeStatus(status: StudyStatus) {
    setStatusChange({ busy: true, error: null });
    try {
      onStudyChange(await updateStudy(api, study.id, { status }));
      setStatusChange({ busy: false, error: null });
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setStatusChange({ busy: false, error });
    }
  }

  return (
    <section className="setup" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('setup.title')}</h2>
      {study.owned === false && <p className="alert">{t('setup.partnerReadOnly')}</p>}
      <section className="card setup-panel" aria-labelledby="setup-details-heading">
        <h3 id="setup-details-heading">{t('setup.details.heading')}</h3>
        <StudyDetailsForm
          key={study.id}
          mode="edit"
          initial={{
            title: study.title,
            description: study.description,
            languages: [...study.languages],
            withdrawalPolicy: study.withdrawalPolicy ?? 'erase_responses',
          }}
          settingsLocked={study.status !== 'draft'}
          readOnly={!canEdit}
          submitting={details.busy}
          error={details.error}
          savedMessage={details.saved ? t('setup.details.saved') : null}
          onSubmit={(input) => void saveDetails(input)}
        />
      </section>
      {study.owned !== false && (
        <StatusPanel
          study={study}
          busy={statusChange.busy}
          error={statusChange.error}
          onChange={(s) => void changeStatus(s)}
        />
      )}
      {state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('setup.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('setup.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('studies.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' && (
        <>
          <CohortsPanel
            cohorts={state.data.cohorts}
            canEdit={canEdit}
            onAdd={async (name) => {
              const cohort = await createCohort(api, study.id, name).catch(fail);
              setData((data) => ({ ...data, cohorts: [...data.cohorts, cohort] }));
            }}
            onRename={async (cohortId, name) => {
              const cohort = await renameCohort(api, study.id, cohortId, name).catch(fail);
              setData((data) => ({
                ...data,
                cohorts: data.cohorts.map((c) => (c.id === cohort.id ? cohort : c)),
              }));
            }}
          />
          <ConsentPanel
            versions={state.data.consents}
            languages={study.languages}
            canEdit={canEdit}
            onPublish={async (text) => {
              const version = await addConsentVersion(api, study.id, text).catch(fail);
              setData((data) => ({ ...data, consents: [...data.consents, version] }));
              onStudyChange({ ...study, currentConsentVersion: version.version });
              return version;
            }}
          />
          <ProtocolEditor
            key={study.languages.join()}
            timepoints={state.data.timepoints}
            languages={study.languages}
            catalog={state.data.catalog}
            canEdit={canEdit}
            onSave={async (timepoints) => {
              const protocol = await putProtocol(api, study.id, timepoints).catch(fail);
              setData((data) => ({ ...data, timepoints: protocol.timepoints }));
            }}
          />
          <SchedulesPanel
            api={api}
            studyId={study.id}
            timepoints={state.data.timepoints}
            canEdit={canEdit}
            onFailure={endSessionOn401}
          />
        </>
      )}
    </section>
  );
}

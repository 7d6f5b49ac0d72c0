import { useCallback, useEffect, useState } from 'react';
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
  listStaff,
  putProtocol,
  renameCohort,
  setCohortSafetyContact,
  updateStudy,
  type Cohort,
  type ConsentVersion,
  type InstrumentSummary,
  type StaffMember,
  type StudyPatch,
  type Timepoint,
  type StudyInput,
} from './setup-api';
import { PartnerSafetyPanel } from './partner-safety-panel';
import { SafetyPanel } from './safety-panel';
import { SchedulesPanel } from './schedules-panel';
import { StatusPanel } from './status-panel';
import { StudyDetailsForm } from './study-details-form';
import { missingBeforeRecruiting } from './study-readiness';
import './setup.css';

/** A refusal that names the safety fields: shown beside them in the safety panel too. */
const isSafetyRefusal = (error: unknown) =>
  isApiError(error) &&
  (error.code === 'safety_contact_required' || error.code === 'safety_help_text_required');

type Action = { busy: boolean; error: unknown; saved: boolean };
const IDLE: Action = { busy: false, error: null, saved: false };

interface SetupData {
  cohorts: Cohort[];
  consents: ConsentVersion[];
  timepoints: Timepoint[];
  catalog: InstrumentSummary[];
}

/**
 * Edits a study: details, status, safety, cohorts, consent versions and protocol. Only the owning institution edits;
 * a partner institution names the safety contact of its own cohorts.
 */
export function SetupSection({ api, study, session, onStudyChange, onUnauthenticated }: StudySectionProps) {
  const { t } = useI18n();
  const [details, setDetails] = useState<Action>(IDLE);
  const [statusChange, setStatusChange] = useState<{ busy: boolean; error: unknown }>({
    busy: false,
    error: null,
  });
  const [safety, setSafety] = useState<Action>(IDLE);
  // The last refusal that named the safety fields (to recruit, or a protocol change while recruiting).
  const [safetyRefusal, setSafetyRefusal] = useState<unknown>(null);
  // Who may be named safety contact; the set-up works without it (the select then offers the current choice).
  const [staff, setStaff] = useState<StaffMember[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listStaff(api, { signal: controller.signal })
      .then(setStaff)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 401) onUnauthenticated();
        else console.warn('The staff list could not be loaded', error);
      });
    return () => controller.abort();
  }, [api, session.activeInstitutionId, onUnauthenticated]);

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
        description: input.description ?? {},
        ...(input.formOfAddress ? { formOfAddress: input.formOfAddress } : {}),
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
      setSafetyRefusal(null);
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setStatusChange({ busy: false, error });
      if (isSafetyRefusal(error)) setSafetyRefusal(error);
    }
  }

  async function saveSafety(patch: Pick<StudyPatch, 'safetyContactUserId' | 'safetyHelpText'>) {
    setSafety({ busy: true, error: null, saved: false });
    try {
      onStudyChange(await updateStudy(api, study.id, patch));
      setSafety({ busy: false, error: null, saved: true });
      // What was refused is settled or will be asked again: the old refusal no longer stands.
      setSafetyRefusal(null);
      setStatusChange((current) => (isSafetyRefusal(current.error) ? { ...current, error: null } : current));
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setSafety({ busy: false, error, saved: false });
    }
  }

  /** After a protocol change: whether it has risk items is the API's to say (`safetyRequired`). */
  async function reloadStudy() {
    try {
      onStudyChange(await api.getStudy(study.id));
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
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
            title: typeof study.title === 'string' ? {} : { ...study.title },
            description: typeof study.description === 'string' ? {} : { ...study.description },
            formOfAddress: study.formOfAddress ?? 'je',
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
          missing={state.status === 'loaded' ? missingBeforeRecruiting(study, state.data) : null}
          busy={statusChange.busy}
          error={statusChange.error}
          onChange={(s) => void changeStatus(s)}
        />
      )}
      {study.owned !== false && (
        <SafetyPanel
          key={`${study.id}:${study.safetyContactUserId ?? ''}:${JSON.stringify(study.safetyHelpText ?? {})}`}
          study={study}
          staff={staff}
          canEdit={canEdit}
          busy={safety.busy}
          error={safety.error}
          refusal={safetyRefusal}
          saved={safety.saved}
          onSave={(patch) => void saveSafety(patch)}
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
          {study.owned === false && (
            <PartnerSafetyPanel
              cohorts={state.data.cohorts.filter(
                (cohort) => cohort.institutionId === session.activeInstitutionId,
              )}
              staff={staff}
              canEdit={study.status !== 'closed'}
              onSave={async (cohortId, userId) => {
                const cohort = await setCohortSafetyContact(api, study.id, cohortId, userId).catch(fail);
                setData((data) => ({
                  ...data,
                  cohorts: data.cohorts.map((c) => (c.id === cohort.id ? cohort : c)),
                }));
              }}
            />
          )}
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
            withdrawalPolicy={study.withdrawalPolicy ?? 'erase_responses'}
            canEdit={canEdit}
            onPublish={async (input) => {
              const version = await addConsentVersion(api, study.id, input).catch(fail);
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
              const protocol = await putProtocol(api, study.id, timepoints).catch((error: unknown) => {
                if (isSafetyRefusal(error)) setSafetyRefusal(error);
                return fail(error);
              });
              setData((data) => ({ ...data, timepoints: protocol.timepoints }));
              await reloadStudy();
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

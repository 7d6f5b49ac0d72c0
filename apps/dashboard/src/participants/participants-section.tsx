import { useCallback, useState } from 'react';
import { isApiError } from '../api/api-error';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { getProtocol, listCohorts, type Cohort, type Timepoint } from '../setup/setup-api';
import '../setup/setup.css';
import type { StudySectionProps } from '../study/section-props';
import { studyPath } from '../study/study-sections';
import { BatchLinksPanel } from './batch-links-panel';
import { ContactDisclosure, ContactPanel } from './contact-panel';
import { CsvUpload } from './csv-upload';
import { EnrolForm } from './enrol-form';
import { studyTitle } from '../studies/study-text';
import { InvitationsPanel } from './invitations-panel';
import { ParticipantTable } from './participant-table';
import {
  createInvitation,
  createInvitationBatch,
  enrolParticipant,
  listInvitations,
  listParticipants,
  listPractitioners,
  revokeInvitation,
  uploadEnrolmentCsv,
  type Invitation,
  type Member,
  type Participant,
} from './participants-api';

const PAGE = 100;

interface ParticipantsData {
  cohorts: Cohort[];
  timepoints: Timepoint[];
  practitioners: Member[];
  participants: Participant[];
  total: number;
  invitations: Invitation[];
}

/** Enrolment (one by one or from a CSV), the participant list, invitation links and contact details. */
export function ParticipantsSection({ api, study, session, role, onUnauthenticated }: StudySectionProps) {
  const { t, language } = useI18n();
  const [loadingMore, setLoadingMore] = useState(false);
  const researcher = role !== 'practitioner';
  const canEnrol = researcher && study.status !== 'closed';
  const canInvite = researcher && study.status === 'recruiting';

  const { state, setState, retry } = useLoad<ParticipantsData>(
    `${study.id}|${session.activeInstitutionId}|${researcher}`,
    async (signal) => {
      const options = { signal };
      const [cohorts, protocol, practitioners, page, invitations] = await Promise.all([
        listCohorts(api, study.id, options),
        getProtocol(api, study.id, options),
        // The staff list is for researchers and admins; a practitioner sees only their own clients anyway.
        researcher ? listPractitioners(api, options) : Promise.resolve([]),
        listParticipants(api, study.id, { limit: PAGE, offset: 0 }, options),
        listInvitations(api, study.id, {}, options),
      ]);
      return {
        // Staff enrol only into their own institution's cohorts; partner institutions run theirs.
        cohorts: cohorts.filter((cohort) => cohort.institutionId === session.activeInstitutionId),
        timepoints: protocol.timepoints,
        practitioners,
        participants: page.items,
        total: page.total,
        invitations,
      };
    },
    onUnauthenticated,
  );

  const setData = useCallback(
    (change: (data: ParticipantsData) => ParticipantsData) =>
      setState((current) =>
        current.status === 'loaded' ? { status: 'loaded', data: change(current.data) } : current,
      ),
    [setState],
  );

  /** Rethrows for the form that asked, after ending the session on a 401. */
  const passOn = useCallback(
    (error: unknown): never => {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      throw error;
    },
    [onUnauthenticated],
  );

  async function loadMore(offset: number) {
    setLoadingMore(true);
    try {
      const page = await listParticipants(api, study.id, { limit: PAGE, offset });
      setData((data) => ({
        ...data,
        participants: [...data.participants, ...page.items],
        total: page.total,
      }));
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      else setState({ status: 'error', error });
    } finally {
      setLoadingMore(false);
    }
  }

  /** After a CSV import: the first page again, in place, so the upload's report stays on screen. */
  async function reloadList() {
    try {
      const page = await listParticipants(api, study.id, { limit: PAGE, offset: 0 });
      setData((data) => ({ ...data, participants: page.items, total: page.total }));
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      else setState({ status: 'error', error });
    }
  }

  async function refreshInvitations() {
    const invitations = await listInvitations(api, study.id).catch(passOn);
    setData((data) => ({ ...data, invitations }));
  }

  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('participants.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="alert alert-error" role="alert">
        <p>
          {t('participants.loadFailed')} {errorMessage(state.error, t)}
        </p>
        <button type="button" className="button" onClick={retry}>
          {t('studies.retry')}
        </button>
      </div>
    );
  }

  const data = state.data;
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('participants.title')}</h2>
      {researcher && study.status === 'draft' && <p className="alert">{t('participants.draftNote')}</p>}
      {canEnrol && (
        <div className="panel-grid">
          <section className="card participants-panel" aria-labelledby="enrol-one-heading">
            <h3 id="enrol-one-heading">{t('participants.enrol.title')}</h3>
            <EnrolForm
              cohorts={data.cohorts}
              practitioners={data.practitioners}
              onEnrol={async (input) => {
                const participant = await enrolParticipant(api, study.id, input).catch(passOn);
                setData((current) => ({
                  ...current,
                  participants: [...current.participants, participant],
                  total: current.total + 1,
                }));
                return participant;
              }}
            />
          </section>
          <section className="card participants-panel" aria-labelledby="enrol-csv-heading">
            <h3 id="enrol-csv-heading">{t('participants.csv.title')}</h3>
            <CsvUpload
              upload={(file, options) => uploadEnrolmentCsv(api, study.id, file, file.name, options)}
              onImported={() => void reloadList()}
              onUnauthenticated={onUnauthenticated}
            />
          </section>
        </div>
      )}
      {canInvite && (
        <BatchLinksPanel
          studyTitle={studyTitle(study, language)}
          timepoints={data.timepoints}
          onCreate={async (input) => {
            const batch = await createInvitationBatch(api, study.id, input).catch(passOn);
            await refreshInvitations();
            return batch;
          }}
        />
      )}
      <section className="participants-panel" aria-labelledby="participant-list-heading">
        <h3 id="participant-list-heading">{t('participants.list.title')}</h3>
        <ParticipantTable
          participants={data.participants}
          total={data.total}
          cohorts={data.cohorts}
          practitioners={data.practitioners}
          invitations={data.invitations}
          loadingMore={loadingMore}
          onLoadMore={() => void loadMore(data.participants.length)}
          renderDetails={(participant, links) => (
            <>
              <p>
                <Link
                  to={`${studyPath(study.id, 'monitoring')}?participantId=${encodeURIComponent(participant.id)}`}
                >
                  {t('participants.timeline', { code: participant.code })}
                </Link>
              </p>
              <InvitationsPanel
                participant={participant}
                timepoints={data.timepoints}
                invitations={links}
                canManage={canInvite}
                onCreate={async (input) => {
                  const created = await createInvitation(api, study.id, input).catch(passOn);
                  setData((current) => ({ ...current, invitations: [...current.invitations, created] }));
                  return created;
                }}
                onRevoke={async (invitationId) => {
                  const revoked = await revokeInvitation(api, study.id, invitationId).catch(passOn);
                  setData((current) => ({
                    ...current,
                    invitations: current.invitations.map((i) => (i.id === revoked.id ? revoked : i)),
                  }));
                }}
              />
              {researcher && (
                <ContactDisclosure code={participant.code}>
                  <ContactPanel
                    api={api}
                    studyId={study.id}
                    participantId={participant.id}
                    code={participant.code}
                    languages={study.languages}
                    canEdit={participant.status === 'active'}
                    onUnauthenticated={onUnauthenticated}
                  />
                </ContactDisclosure>
              )}
            </>
          )}
        />
      </section>
    </section>
  );
}

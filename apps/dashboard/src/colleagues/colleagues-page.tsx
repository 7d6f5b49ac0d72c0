import { useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Role, Session } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { FormAlert, StatusMessage } from '../setup/form-controls';
import '../setup/setup.css';
import {
  changeColleagueRole,
  inviteColleague,
  listColleagues,
  listPendingInvitations,
  revokeStaffInvitation,
  type Colleague,
  type InvitationInput,
  type PendingInvitation,
} from './colleagues-api';
import './colleagues.css';
import { InviteForm } from './invite-form';
import { MemberTable } from './member-table';
import { PendingInvitations } from './pending-invitations';

export interface ColleaguesPageProps {
  api: ApiClient;
  session: Session;
  onUnauthenticated(): void;
}

interface ColleaguesData {
  members: Colleague[];
  invitations: PendingInvitation[];
}

/** Staff management for institution admins: members and their roles, inviting, pending invitations. */
export function ColleaguesPage({ api, session, onUnauthenticated }: ColleaguesPageProps) {
  const { t } = useI18n();
  const membership = session.memberships.find((m) => m.institutionId === session.activeInstitutionId);
  const isAdmin = membership?.role === 'institution_admin';
  const institutionName = membership?.institutionName ?? '';
  const [roleChange, setRoleChange] = useState<{ busyUserId: string | null; error: unknown; done: string }>({
    busyUserId: null,
    error: null,
    done: '',
  });

  const { state, setState, retry } = useLoad<ColleaguesData>(
    `${session.activeInstitutionId}|${isAdmin}`,
    async (signal) => {
      if (!isAdmin) return { members: [], invitations: [] };
      const [members, invitations] = await Promise.all([
        listColleagues(api, { signal }),
        listPendingInvitations(api, { signal }),
      ]);
      return { members, invitations };
    },
    onUnauthenticated,
  );

  const update = (change: (data: ColleaguesData) => ColleaguesData) =>
    setState((current) =>
      current.status === 'loaded' ? { status: 'loaded', data: change(current.data) } : current,
    );

  /** Rethrows for the form that asked, after ending the session on a 401. */
  function passOn(error: unknown): never {
    if (isApiError(error) && error.status === 401) onUnauthenticated();
    throw error;
  }

  async function invite(input: InvitationInput) {
    const sent = await inviteColleague(api, input).catch(passOn);
    // A new invitation may replace an earlier one to the same address: the list comes from the API again.
    const invitations = await listPendingInvitations(api).catch(passOn);
    update((data) => ({ ...data, invitations }));
    return sent;
  }

  async function revoke(invitation: PendingInvitation) {
    await revokeStaffInvitation(api, invitation.id).catch(passOn);
    update((data) => ({
      ...data,
      invitations: data.invitations.filter((item) => item.id !== invitation.id),
    }));
  }

  async function changeRole(member: Colleague, role: Role) {
    setRoleChange({ busyUserId: member.userId, error: null, done: '' });
    try {
      const changed = await changeColleagueRole(api, member.userId, role);
      update((data) => ({
        ...data,
        members: data.members.map((item) => (item.userId === member.userId ? { ...item, ...changed } : item)),
      }));
      setRoleChange({
        busyUserId: null,
        error: null,
        done: t('colleagues.roleChanged', { name: member.displayName, role: t(`role.${changed.role}`) }),
      });
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setRoleChange({ busyUserId: null, error, done: '' });
    }
  }

  return (
    <div className="colleagues">
      <header className="page-header">
        <h1>{t('colleagues.title')}</h1>
        {isAdmin && <p className="muted">{t('colleagues.intro', { institution: institutionName })}</p>}
      </header>
      {!isAdmin && <p className="empty">{t('colleagues.onlyAdmins')}</p>}
      {isAdmin && state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('colleagues.loading')}
        </p>
      )}
      {isAdmin && state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('colleagues.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('studies.retry')}
          </button>
        </div>
      )}
      {isAdmin && state.status === 'loaded' && (
        <>
          <section className="card colleagues-panel" aria-labelledby="colleagues-members-heading">
            <h2 id="colleagues-members-heading">{t('colleagues.members.title')}</h2>
            <FormAlert error={roleChange.error} />
            {roleChange.done && <StatusMessage>{roleChange.done}</StatusMessage>}
            <MemberTable
              institutionName={institutionName}
              members={state.data.members}
              currentUserId={session.user.id}
              busyUserId={roleChange.busyUserId}
              onChangeRole={(member, role) => void changeRole(member, role)}
            />
          </section>
          <section className="card colleagues-panel" aria-labelledby="colleagues-invite-heading">
            <h2 id="colleagues-invite-heading">{t('colleagues.invite.title')}</h2>
            <InviteForm onInvite={invite} />
          </section>
          <section className="card colleagues-panel" aria-labelledby="colleagues-pending-heading">
            <h2 id="colleagues-pending-heading">{t('colleagues.pending.title')}</h2>
            <PendingInvitations invitations={state.data.invitations} onRevoke={revoke} />
          </section>
        </>
      )}
    </div>
  );
}

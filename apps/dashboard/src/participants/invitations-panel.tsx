import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, TextField, useFocusOnError } from '../setup/form-controls';
import type { Timepoint } from '../setup/setup-api';
import { CopyLink } from './copy-link';
import type { CreatedInvitation, Invitation, InvitationInput, Participant } from './participants-api';

export interface InvitationsPanelProps {
  participant: Participant;
  timepoints: readonly Timepoint[];
  invitations: readonly Invitation[];
  canManage: boolean;
  onCreate(input: InvitationInput): Promise<CreatedInvitation>;
  onRevoke(invitationId: string): Promise<void>;
}

/** One participant's links: their status, revoke, and a new link shown once with a copy button. */
export function InvitationsPanel(props: InvitationsPanelProps) {
  const { participant, timepoints, invitations, canManage } = props;
  const { t, language, formatDate } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [timepointId, setTimepointId] = useState(timepoints[0]?.id ?? '');
  const [sessionNumber, setSessionNumber] = useState('1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  useFocusOnError(formRef, error);
  const labelOf = (id: string) => {
    const timepoint = timepoints.find((candidate) => candidate.id === id);
    return timepoint ? (timepoint.label[language] ?? timepoint.key) : id;
  };
  const chosen = timepoints.find((candidate) => candidate.id === timepointId);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      setCreated(
        await props.onCreate({
          participantId: participant.id,
          timepointId,
          ...(chosen?.kind === 'session' ? { sessionNumber: Number(sessionNumber) } : {}),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(invitationId: string) {
    setRevokeError(null);
    try {
      await props.onRevoke(invitationId);
    } catch (caught) {
      setRevokeError(caught);
    }
  }

  const linkName = (invitation: Invitation) =>
    invitation.sessionNumber === null
      ? labelOf(invitation.timepointId)
      : t('participants.invitations.sessionOf', {
          timepoint: labelOf(invitation.timepointId),
          session: invitation.sessionNumber,
        });

  return (
    <div className="invitations-panel">
      <h4>{t('participants.invitations.title', { code: participant.code })}</h4>
      <FormAlert error={revokeError} />
      {invitations.length === 0 ? (
        <p className="empty">{t('participants.invitations.none')}</p>
      ) : (
        <div className="data-table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('participants.timepoint')}</th>
                <th scope="col">{t('participants.invitations.status')}</th>
                <th scope="col">{t('participants.invitations.expires')}</th>
                {canManage && <th scope="col">{t('participants.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{linkName(invitation)}</td>
                  <td>{t(`participants.invitationStatus.${invitation.status}`)}</td>
                  <td>
                    <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
                  </td>
                  {canManage && (
                    <td>
                      {(invitation.status === 'open' || invitation.status === 'started') && (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('participants.invitations.revokeLabel', {
                            link: linkName(invitation),
                            code: participant.code,
                          })}
                          onClick={() => void revoke(invitation.id)}
                        >
                          {t('participants.invitations.revoke')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && participant.status === 'active' && timepoints.length > 0 && (
        <form ref={formRef} className="form form-inline" onSubmit={(event) => void create(event)} noValidate>
          <FormAlert error={error} shownFields={['timepointId', 'sessionNumber']} />
          <div className="field-grid">
            <SelectField
              label={t('participants.timepoint')}
              field="timepointId"
              value={timepointId}
              onChange={setTimepointId}
              error={error}
              options={timepoints.map((timepoint) => ({ value: timepoint.id, label: labelOf(timepoint.id) }))}
            />
            {chosen?.kind === 'session' && (
              <TextField
                type="number"
                label={t('participants.sessionNumber')}
                field="sessionNumber"
                value={sessionNumber}
                onChange={setSessionNumber}
                error={error}
                min={1}
                max={1000}
              />
            )}
          </div>
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t('participants.invitations.create')}
          </button>
        </form>
      )}
      {created && (
        <CopyLink
          url={created.url}
          label={t('participants.invitations.linkFor', { code: participant.code, link: linkName(created) })}
        />
      )}
    </div>
  );
}

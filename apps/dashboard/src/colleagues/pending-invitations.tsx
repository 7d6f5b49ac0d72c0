import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { FormAlert } from '../setup/form-controls';
import type { PendingInvitation } from './colleagues-api';

export interface PendingInvitationsProps {
  invitations: readonly PendingInvitation[];
  /** Revokes one; rejects with the API's error. */
  onRevoke(invitation: PendingInvitation): Promise<void>;
}

/** Invitations not yet accepted; revoking one asks once more, since the colleague's link then stops working. */
export function PendingInvitations({ invitations, onRevoke }: PendingInvitationsProps) {
  const { t, formatDate } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  // Focus follows the buttons that replace each other: revoke → confirm → (cancel) revoke, or the outcome.
  const revokeButtons = useRef(new Map<string, HTMLButtonElement>());
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (returnFocusTo === null) return;
    revokeButtons.current.get(returnFocusTo)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);
  useEffect(() => {
    if (revoked) outcomeRef.current?.focus();
  }, [revoked]);

  async function revoke(invitation: PendingInvitation) {
    setBusy(true);
    setError(null);
    setRevoked(null);
    try {
      await onRevoke(invitation);
      setConfirming(null);
      setRevoked(invitation.email);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormAlert error={error} />
      {revoked && (
        <p className="status-message" role="status" tabIndex={-1} ref={outcomeRef}>
          {t('colleagues.pending.revoked', { email: revoked })}
        </p>
      )}
      {invitations.length === 0 ? (
        <p className="empty">{t('colleagues.pending.empty')}</p>
      ) : (
        <div className="data-table-wrap">
          <table className="data-table pending-invitations">
            <caption>{t('colleagues.pending.caption', { count: invitations.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colleagues.email')}</th>
                <th scope="col">{t('colleagues.name')}</th>
                <th scope="col">{t('colleagues.role')}</th>
                <th scope="col">{t('colleagues.pending.sent')}</th>
                <th scope="col">{t('colleagues.pending.validUntil')}</th>
                <th scope="col">{t('colleagues.pending.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => {
                const questionId = `revoke-question-${invitation.id}`;
                return (
                  <tr key={invitation.id}>
                    <th scope="row" className="member-email">
                      {invitation.email}
                    </th>
                    <td>{invitation.displayName || '—'}</td>
                    <td>{t(`role.${invitation.role}`)}</td>
                    <td>
                      <time dateTime={invitation.createdAt}>{formatDate(invitation.createdAt)}</time>
                    </td>
                    <td>
                      <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
                      {invitation.expired && (
                        <>
                          {' '}
                          <span className="badge badge-closed">{t('colleagues.pending.expired')}</span>
                        </>
                      )}
                    </td>
                    <td>
                      {confirming === invitation.id ? (
                        <div className="confirm" role="group" aria-labelledby={questionId}>
                          <p id={questionId}>
                            {t('colleagues.pending.revokeQuestion', { email: invitation.email })}
                          </p>
                          <div className="button-row">
                            <button
                              type="button"
                              className="button button-primary button-small"
                              disabled={busy}
                              aria-busy={busy}
                              autoFocus
                              onClick={() => void revoke(invitation)}
                            >
                              {t('colleagues.pending.revokeConfirm')}
                            </button>
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => {
                                setConfirming(null);
                                setReturnFocusTo(invitation.id);
                              }}
                            >
                              {t('colleagues.pending.cancel')}
                            </button>
                          </div>
                        </div>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('colleagues.pending.revokeLabel', { email: invitation.email })}
                          disabled={busy}
                          ref={(button) => {
                            if (button) revokeButtons.current.set(invitation.id, button);
                            else revokeButtons.current.delete(invitation.id);
                          }}
                          onClick={() => {
                            setRevoked(null);
                            setConfirming(invitation.id);
                          }}
                        >
                          {t('colleagues.pending.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

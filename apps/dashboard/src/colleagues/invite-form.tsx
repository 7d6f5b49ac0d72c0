import { useRef, useState, type FormEvent } from 'react';
import type { Role } from '../api/types';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, StatusMessage, TextField, useFocusOnError } from '../setup/form-controls';
import { ROLES, type InvitationInput, type SentInvitation } from './colleagues-api';

export interface InviteFormProps {
  /** Sends the invitation; rejects with the API's error. */
  onInvite(input: InvitationInput): Promise<SentInvitation>;
}

/**
 * E-mail, optional name and role. The answer is the same whether or not the address already has an account
 * somewhere, and so is what this form says: only that the invitation was sent.
 */
export function InviteForm({ onInvite }: InviteFormProps) {
  const { t, formatDate } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('researcher');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<SentInvitation | null>(null);
  useFocusOnError(formRef, error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const name = displayName.trim();
      const answer = await onInvite({ email: email.trim(), role, ...(name ? { displayName: name } : {}) });
      setSent(answer);
      setEmail('');
      setDisplayName('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="muted">{t('colleagues.invite.intro')}</p>
      <FormAlert error={error} shownFields={['email', 'displayName', 'role']} />
      <div className="field-grid">
        <TextField
          label={t('colleagues.invite.email')}
          type="email"
          field="email"
          value={email}
          onChange={setEmail}
          error={error}
          required
          maxLength={254}
          autoComplete="off"
        />
        <TextField
          label={t('colleagues.invite.name')}
          hint={t('colleagues.invite.nameHint')}
          field="displayName"
          value={displayName}
          onChange={setDisplayName}
          error={error}
          maxLength={120}
        />
        <SelectField
          label={t('colleagues.invite.role')}
          field="role"
          value={role}
          onChange={(value) => setRole(ROLES.find((candidate) => candidate === value) ?? 'researcher')}
          error={error}
          options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {t('colleagues.invite.submit')}
        </button>
      </div>
      {sent && (
        <StatusMessage>
          {t('colleagues.invite.sent', { email: sent.email, date: formatDate(sent.expiresAt) })}
        </StatusMessage>
      )}
    </form>
  );
}

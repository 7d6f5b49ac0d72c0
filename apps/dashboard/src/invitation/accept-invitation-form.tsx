import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error';
import { useI18n, type MessageKey } from '../i18n';
import { FieldMessages, FormAlert, messagesFor, useFocusOnError } from '../setup/form-controls';
import type { InvitationDetails } from './invitation-api';

/** The shortest password the API accepts for a new account. */
export const MIN_PASSWORD_LENGTH = 12;

export interface AcceptInvitationFormProps {
  invitation: InvitationDetails;
  busy: boolean;
  /** The refusal of the last attempt (ApiError), or null. */
  error: unknown;
  onSubmit(input: { password: string; displayName?: string }): void;
}

type LocalErrors = Partial<Record<'displayName' | 'password' | 'repeat', MessageKey>>;

/** New account: name, password and the password again. Existing account: that account's password. */
export function AcceptInvitationForm({ invitation, busy, error, onSubmit }: AcceptInvitationFormProps) {
  const { t } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(invitation.displayName ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  // A new object on every refused submit, so focus moves to the first problem each time.
  const [local, setLocal] = useState<{ errors: LocalErrors } | null>(null);
  const isNew = !invitation.accountExists;
  // A wrong password of an existing account belongs beside the password field, not in a general alert.
  const wrongPassword = isApiError(error) && error.code === 'invalid_credentials';
  useFocusOnError(formRef, local ?? error);

  function fieldMessages(field: 'displayName' | 'password' | 'repeat'): string[] {
    const own = local?.errors[field];
    const fromApi = field === 'repeat' ? [] : messagesFor(error, field);
    const wrong = field === 'password' && wrongPassword ? [t('invitation.wrongPassword')] : [];
    return [...(own ? [t(own)] : []), ...fromApi, ...wrong];
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const errors: LocalErrors = {};
    if (isNew) {
      if (displayName.trim() === '') errors.displayName = 'invitation.nameRequired';
      if (password.length < MIN_PASSWORD_LENGTH) errors.password = 'invitation.tooShort';
      else if (repeat !== password) errors.repeat = 'invitation.mismatch';
    }
    if (Object.keys(errors).length > 0) {
      setLocal({ errors });
      return;
    }
    setLocal(null);
    onSubmit(isNew ? { password, displayName: displayName.trim() } : { password });
  }

  const field = (
    name: 'displayName' | 'password' | 'repeat',
    label: string,
    input: { type: string; value: string; onChange(value: string): void; autoComplete: string },
    hint?: string,
  ) => {
    const messages = fieldMessages(name);
    const describedBy = [hint ? `${id}-${name}-hint` : '', messages.length ? `${id}-${name}-errors` : '']
      .join(' ')
      .trim();
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {hint && (
          <p className="field-hint muted" id={`${id}-${name}-hint`}>
            {hint}
          </p>
        )}
        <input
          id={`${id}-${name}`}
          name={name}
          type={input.type}
          value={input.value}
          autoComplete={input.autoComplete}
          required
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => input.onChange(event.target.value)}
        />
        <FieldMessages id={`${id}-${name}-errors`} messages={messages} />
      </div>
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <p>
        {isNew
          ? t('invitation.new.intro')
          : t('invitation.existing.intro', { institution: invitation.institutionName })}
      </p>
      {!wrongPassword && <FormAlert error={error} shownFields={['displayName', 'password']} />}
      {/* The address (shown above) as the username, so a password manager files the password under it. */}
      <input type="email" name="username" value={invitation.email} autoComplete="username" readOnly hidden />
      {isNew &&
        field(
          'displayName',
          t('invitation.displayName'),
          { type: 'text', value: displayName, onChange: setDisplayName, autoComplete: 'name' },
          t('invitation.displayNameHint'),
        )}
      {field(
        'password',
        isNew ? t('invitation.newPassword') : t('invitation.currentPassword'),
        {
          type: 'password',
          value: password,
          onChange: setPassword,
          autoComplete: isNew ? 'new-password' : 'current-password',
        },
        isNew ? t('invitation.passwordHint') : undefined,
      )}
      {isNew &&
        field('repeat', t('invitation.repeatPassword'), {
          type: 'password',
          value: repeat,
          onChange: setRepeat,
          autoComplete: 'new-password',
        })}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy && <span className="spinner" aria-hidden="true" />}
        {busy
          ? t('invitation.submitting')
          : isNew
            ? t('invitation.new.submit')
            : t('invitation.existing.submit', { institution: invitation.institutionName })}
      </button>
    </form>
  );
}

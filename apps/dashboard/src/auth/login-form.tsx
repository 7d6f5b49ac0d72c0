import { useId, type FormEvent } from 'react';
import type { ApiError } from '../api/api-error';
import type { Credentials } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useI18n } from '../i18n';

export interface LoginFormProps {
  submitting: boolean;
  error: ApiError | null;
  onSubmit(credentials: Credentials): void;
}

export function LoginForm({ submitting, error, onSubmit }: LoginFormProps) {
  const { t } = useI18n();
  const id = useId();
  const ids = {
    heading: `${id}-heading`,
    error: `${id}-error`,
    email: `${id}-email`,
    emailErrors: `${id}-email-errors`,
    password: `${id}-password`,
    passwordErrors: `${id}-password-errors`,
  };
  const emailErrors = error?.messagesFor('email') ?? [];
  const passwordErrors = error?.messagesFor('password') ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const data = new FormData(event.currentTarget);
    onSubmit({ email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') });
  }

  return (
    <section className="card login-card" aria-labelledby={ids.heading}>
      <h1 id={ids.heading}>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      {error && (
        <div className="alert alert-error" role="alert" id={ids.error}>
          <p>{errorMessage(error, t)}</p>
          {error.correlationId && (
            <p className="alert-reference">{t('error.reference', { id: error.correlationId })}</p>
          )}
        </div>
      )}
      <form className="form" onSubmit={handleSubmit} aria-describedby={error ? ids.error : undefined}>
        <div className="field">
          <label htmlFor={ids.email}>{t('login.email')}</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            aria-invalid={emailErrors.length > 0 || undefined}
            aria-describedby={emailErrors.length > 0 ? ids.emailErrors : undefined}
          />
          {emailErrors.length > 0 && <FieldMessages id={ids.emailErrors} messages={emailErrors} />}
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('login.password')}</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={passwordErrors.length > 0 || undefined}
            aria-describedby={passwordErrors.length > 0 ? ids.passwordErrors : undefined}
          />
          {passwordErrors.length > 0 && <FieldMessages id={ids.passwordErrors} messages={passwordErrors} />}
        </div>
        <button type="submit" className="button button-primary" disabled={submitting} aria-busy={submitting}>
          {submitting && <span className="spinner" aria-hidden="true" />}
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}

function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  return (
    <ul className="field-errors" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

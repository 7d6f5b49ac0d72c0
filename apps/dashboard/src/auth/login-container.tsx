import { useState } from 'react';
import { isApiError, type ApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Credentials, Session } from '../api/types';
import { LoginForm } from './login-form';

export interface LoginContainerProps {
  api: ApiClient;
  onLoggedIn(session: Session): void;
}

/** Sends the credentials and keeps the request's state; the form only renders it. */
export function LoginContainer({ api, onLoggedIn }: LoginContainerProps) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(credentials: Credentials) {
    setSubmitting(true);
    setError(null);
    try {
      const session = await api.login(credentials);
      onLoggedIn(session);
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <LoginForm submitting={submitting} error={error} onSubmit={(credentials) => void submit(credentials)} />
  );
}

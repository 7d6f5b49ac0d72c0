import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Study } from '../api/types';
import type { LoadState } from '../app/load-state';
import { StudiesPage } from './studies-page';

export interface StudiesContainerProps {
  api: ApiClient;
  /** Studies depend on the active institution: a switch reloads them. */
  institutionId: string;
  institutionName: string;
  /** Practitioners do not create studies (the API refuses them too). */
  canCreate?: boolean;
  /** The session ended on the server (expired, logged out elsewhere). */
  onUnauthenticated(): void;
}

export function StudiesContainer({
  api,
  institutionId,
  institutionName,
  canCreate = true,
  onUnauthenticated,
}: StudiesContainerProps) {
  const [state, setState] = useState<LoadState<readonly Study[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .listStudies({ signal: controller.signal })
      .then((list) => setState({ status: 'loaded', data: list.items }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 401) onUnauthenticated();
        else setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, institutionId, attempt, onUnauthenticated]);

  return (
    <StudiesPage
      institutionName={institutionName}
      state={state}
      canCreate={canCreate}
      onRetry={() => setAttempt((n) => n + 1)}
    />
  );
}

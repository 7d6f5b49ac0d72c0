import type { ApiClient } from '../api/client';
import type { Study } from '../api/types';
import { useLoad } from '../app/use-load';
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
  const { state, retry } = useLoad<readonly Study[]>(
    institutionId,
    (signal) => api.listStudies({ signal }).then((list) => list.items),
    onUnauthenticated,
  );

  return (
    <StudiesPage institutionName={institutionName} state={state} canCreate={canCreate} onRetry={retry} />
  );
}

import { useState, type ReactNode } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { useI18n } from '../i18n';
import { AppHeader } from './app-header';
import { errorMessage } from './error-message';

export interface ShellContainerProps {
  api: ApiClient;
  session: Session;
  onSessionChange(session: Session): void;
  onLoggedOut(): void;
  children: ReactNode;
}

/** The signed-in frame: header with institution switch and logout, then the page. */
export function ShellContainer({
  api,
  session,
  onSessionChange,
  onLoggedOut,
  children,
}: ShellContainerProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const activeMembership = session.memberships.find(
    (membership) => membership.institutionId === session.activeInstitutionId,
  );

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 401) onLoggedOut();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader
        session={session}
        activeMembership={activeMembership}
        busy={busy}
        onSwitchInstitution={(institutionId) =>
          void run(async () => onSessionChange(await api.switchInstitution(institutionId)))
        }
        onLogout={() =>
          void run(async () => {
            await api.logout();
            onLoggedOut();
          })
        }
      />
      <main id="main" className="main" tabIndex={-1}>
        {error !== null && (
          <div className="alert alert-error" role="alert">
            <p>{errorMessage(error, t)}</p>
          </div>
        )}
        {children}
      </main>
    </>
  );
}

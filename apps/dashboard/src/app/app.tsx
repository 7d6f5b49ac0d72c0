import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { SessionsPage } from '../account/sessions-page';
import { LoginContainer } from '../auth';
import { ColleaguesPage } from '../colleagues/colleagues-page';
import { useI18n, type MessageKey } from '../i18n';
import { AcceptInvitationPage } from '../invitation/accept-invitation-page';
import { ACCEPT_INVITATION_PATH } from '../invitation/invitation-token';
import { navigate, usePathname, useSearch } from '../router';
import { NeedsAttentionPage } from '../safety/needs-attention-page';
import { NeedsAttentionPanel } from '../safety/needs-attention-panel';
import { NEEDS_ATTENTION_PATH } from '../safety/safety-api';
import { NewStudyPage } from '../setup/new-study-page';
import { StudiesContainer } from '../studies';
import { parseStudyPath, StudyWorkspace, studyPath } from '../study';
import { NotFoundPage } from './not-found-page';
import { PublicHeader } from './public-header';
import { ShellContainer } from './shell-container';
import { SkipLink } from './skip-link';

type AuthState =
  { status: 'checking' } | { status: 'anonymous' } | { status: 'authenticated'; session: Session };

const LOGIN_PATH = '/login';
const HOME_PATH = '/';
export const COLLEAGUES_PATH = '/colleagues';
export const SESSIONS_PATH = '/account/sessions';
/** Pages anyone may open, signed in or not. */
const PUBLIC_PATHS = new Set([LOGIN_PATH, ACCEPT_INVITATION_PATH]);

export interface AppProps {
  api: ApiClient;
}

/** Holds the session and picks the page for the current path. */
export function App({ api }: AppProps) {
  const { t } = useI18n();
  const pathname = usePathname();
  const search = useSearch();
  const [auth, setAuth] = useState<AuthState>({ status: 'checking' });
  // Where a signed-out visitor was going (the "Needs attention" link of a safety e-mail): back there after login.
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .me({ signal: controller.signal })
      .then((session) => setAuth({ status: 'authenticated', session }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // 401 is the normal "not logged in"; any other failure also leads to the login page,
        // whose own request then shows what is wrong.
        if (!isApiError(error) || error.status !== 401) console.warn('Session check failed', error);
        // Only the address a visitor arrived at is kept, not the page someone signed out from.
        const arrivedAt = window.location.pathname;
        if (!PUBLIC_PATHS.has(arrivedAt) && arrivedAt !== HOME_PATH)
          returnTo.current = arrivedAt + window.location.search;
        setAuth({ status: 'anonymous' });
      });
    return () => controller.abort();
  }, [api]);

  // Keep the address bar in step with the session.
  useEffect(() => {
    if (auth.status === 'anonymous' && !PUBLIC_PATHS.has(pathname)) navigate(LOGIN_PATH, { replace: true });
    if (auth.status === 'authenticated' && pathname === LOGIN_PATH) navigate(HOME_PATH, { replace: true });
  }, [auth.status, pathname]);

  const page = pageFor(auth, pathname);
  useEffect(() => {
    document.title = `${t(page.titleKey)} · ${t('app.name')}`;
  }, [page.titleKey, t]);

  // Move focus to the new page so screen readers announce it (not on first load).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The invitation page moves focus itself, as its states change; the session check must not take it away.
    if (auth.status !== 'checking' && pathname !== ACCEPT_INVITATION_PATH)
      document.getElementById('main')?.focus();
  }, [auth.status, pathname]);

  const handleLoggedIn = useCallback((session: Session) => {
    setAuth({ status: 'authenticated', session });
    navigate(returnTo.current ?? HOME_PATH, { replace: true });
    returnTo.current = null;
  }, []);
  const handleSessionChange = useCallback(
    (session: Session) => setAuth({ status: 'authenticated', session }),
    [],
  );
  const handleLoggedOut = useCallback(() => setAuth({ status: 'anonymous' }), []);

  // The invitation page does not wait for the session check, and stays the same element whatever it answers,
  // so the token it took from the address is not lost on the way.
  if (page.name === 'accept-invitation') {
    return (
      <>
        <SkipLink />
        <PublicHeader />
        <main id="main" className="main main-narrow" tabIndex={-1}>
          <AcceptInvitationPage
            api={api}
            session={auth.status === 'authenticated' ? auth.session : null}
            onSessionChange={handleSessionChange}
          />
        </main>
      </>
    );
  }

  if (auth.status === 'checking') {
    return (
      <p className="loading loading-page" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('app.loading')}
      </p>
    );
  }

  if (auth.status === 'anonymous') {
    return (
      <>
        <SkipLink />
        <PublicHeader />
        <main id="main" className="main main-narrow" tabIndex={-1}>
          <LoginContainer api={api} onLoggedIn={handleLoggedIn} />
        </main>
      </>
    );
  }

  const { session } = auth;
  const membership = session.memberships.find((m) => m.institutionId === session.activeInstitutionId);
  return (
    <>
      <SkipLink />
      <ShellContainer
        api={api}
        session={session}
        onSessionChange={handleSessionChange}
        onLoggedOut={handleLoggedOut}
      >
        {page.name === 'studies' && (
          // What needs attention comes before anything else, for every role.
          <NeedsAttentionPanel
            key={session.activeInstitutionId}
            api={api}
            institutionId={session.activeInstitutionId}
            onUnauthenticated={handleLoggedOut}
          />
        )}
        {page.name === 'studies' && (
          <StudiesContainer
            api={api}
            institutionId={session.activeInstitutionId}
            institutionName={membership?.institutionName ?? ''}
            canCreate={membership?.role !== 'practitioner'}
            onUnauthenticated={handleLoggedOut}
          />
        )}
        {page.name === 'new-study' && (
          <NewStudyPage
            api={api}
            session={session}
            onCreated={(study) => navigate(studyPath(study.id, 'setup'))}
            onUnauthenticated={handleLoggedOut}
          />
        )}
        {page.name === 'study' && membership && (
          <StudyWorkspace
            key={`${page.route.studyId}:${session.activeInstitutionId}`}
            api={api}
            session={session}
            role={membership.role}
            studyId={page.route.studyId}
            section={page.route.section}
            search={search}
            onUnauthenticated={handleLoggedOut}
          />
        )}
        {page.name === 'colleagues' && (
          <ColleaguesPage
            key={session.activeInstitutionId}
            api={api}
            session={session}
            onUnauthenticated={handleLoggedOut}
          />
        )}
        {page.name === 'needs-attention' && (
          <NeedsAttentionPage
            key={session.activeInstitutionId}
            api={api}
            institutionId={session.activeInstitutionId}
            search={search}
            onUnauthenticated={handleLoggedOut}
          />
        )}
        {page.name === 'sessions' && (
          <SessionsPage api={api} session={session} onLoggedOut={handleLoggedOut} />
        )}
        {(page.name === 'not-found' || (page.name === 'study' && !membership)) && <NotFoundPage />}
      </ShellContainer>
    </>
  );
}

type Page =
  | {
      name:
        | 'loading'
        | 'login'
        | 'accept-invitation'
        | 'studies'
        | 'new-study'
        | 'colleagues'
        | 'sessions'
        | 'needs-attention'
        | 'not-found';
      titleKey: MessageKey;
    }
  | { name: 'study'; titleKey: MessageKey; route: NonNullable<ReturnType<typeof parseStudyPath>> };

function pageFor(auth: AuthState, pathname: string): Page {
  if (pathname === ACCEPT_INVITATION_PATH) return { name: 'accept-invitation', titleKey: 'invitation.title' };
  if (auth.status === 'checking') return { name: 'loading', titleKey: 'app.loading' };
  if (auth.status === 'anonymous') return { name: 'login', titleKey: 'login.title' };
  if (pathname === HOME_PATH || pathname === LOGIN_PATH)
    return { name: 'studies', titleKey: 'studies.title' };
  if (pathname === '/studies/new') return { name: 'new-study', titleKey: 'setup.title' };
  if (pathname === COLLEAGUES_PATH) return { name: 'colleagues', titleKey: 'colleagues.title' };
  if (pathname === NEEDS_ATTENTION_PATH) return { name: 'needs-attention', titleKey: 'safety.title' };
  if (pathname === SESSIONS_PATH || pathname === '/account')
    return { name: 'sessions', titleKey: 'account.sessions.title' };
  const route = parseStudyPath(pathname);
  if (route) return { name: 'study', titleKey: 'studies.title', route };
  return { name: 'not-found', titleKey: 'notFound.title' };
}

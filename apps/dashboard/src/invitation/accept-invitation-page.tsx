import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useI18n } from '../i18n';
import { Link } from '../router';
import '../setup/setup.css';
import { AcceptInvitationForm } from './accept-invitation-form';
import { acceptInvitation, inspectInvitation, type InvitationDetails } from './invitation-api';
import { removeTokenFromAddress, tokenFromHash } from './invitation-token';
import './invitation.css';

export interface AcceptInvitationPageProps {
  api: ApiClient;
  /** The signed-in session, or null (not signed in, or not known yet): the page works either way. */
  session: Session | null;
  onSessionChange(session: Session): void;
}

type Phase =
  | { name: 'no-token' }
  | { name: 'checking' }
  | { name: 'invalid' }
  | { name: 'check-failed'; error: unknown }
  | { name: 'ready'; invitation: InvitationDetails }
  | { name: 'joined'; invitation: InvitationDetails };

const isInvalid = (error: unknown) => isApiError(error) && error.code === 'invitation_invalid';

/**
 * A staff invitation link: reads the token from the fragment and removes it from the address at once, asks the
 * API what the invitation is for, then offers the form for a new or an existing account.
 */
export function AcceptInvitationPage({ api, session, onSessionChange }: AcceptInvitationPageProps) {
  const { t } = useI18n();
  // Read once, before the effect below takes it out of the address; kept only in memory.
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [phase, setPhase] = useState<Phase>(() => (token ? { name: 'checking' } : { name: 'no-token' }));
  const [attempt, setAttempt] = useState(0);
  const [submit, setSubmit] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const latestSession = useRef(session);
  latestSession.current = session;

  useEffect(() => {
    removeTokenFromAddress();
  }, []);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setPhase({ name: 'checking' });
    inspectInvitation(api, token, { signal: controller.signal })
      .then((invitation) => setPhase({ name: 'ready', invitation }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isInvalid(error)) setPhase({ name: 'invalid' });
        // The token is all the check sends: a refusal of its form means a link cut short (a wrapped e-mail line).
        else if (isApiError(error) && error.code === 'validation_failed') setPhase({ name: 'no-token' });
        else setPhase({ name: 'check-failed', error });
      });
    return () => controller.abort();
  }, [api, token, attempt]);

  // A new state is a new page for a screen reader: announce it by moving focus to its heading.
  const firstPhase = useRef(true);
  useEffect(() => {
    if (firstPhase.current) {
      firstPhase.current = false;
      return;
    }
    if (phase.name !== 'checking') headingRef.current?.focus();
  }, [phase.name]);

  async function accept(invitation: InvitationDetails, input: { password: string; displayName?: string }) {
    setSubmit({ busy: true, error: null });
    try {
      await acceptInvitation(api, { token, ...input });
      const current = latestSession.current;
      // Signed in as the invited account already: load the session again, so the new institution is offered.
      if (current && sameAddress(current.user.email, invitation.email)) onSessionChange(await api.me());
      setSubmit({ busy: false, error: null });
      setPhase({ name: 'joined', invitation });
    } catch (error) {
      if (isInvalid(error)) {
        setSubmit({ busy: false, error: null });
        setPhase({ name: 'invalid' });
      } else setSubmit({ busy: false, error });
    }
  }

  const heading = (text: string) => (
    <h1 ref={headingRef} tabIndex={-1}>
      {text}
    </h1>
  );

  return (
    <section className="card invitation-card">
      {phase.name === 'checking' && (
        <>
          {heading(t('invitation.title'))}
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('invitation.checking')}
          </p>
        </>
      )}
      {phase.name === 'no-token' && (
        <>
          {heading(t('invitation.noToken.title'))}
          <p>{t('invitation.noToken.body')}</p>
        </>
      )}
      {phase.name === 'invalid' && (
        <>
          {heading(t('invitation.invalid.title'))}
          <p>{t('invitation.invalid.body')}</p>
        </>
      )}
      {phase.name === 'check-failed' && (
        <>
          {heading(t('invitation.title'))}
          <div className="alert alert-error" role="alert">
            <p>
              {t('invitation.checkFailed')} {errorMessage(phase.error, t)}
            </p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('studies.retry')}
            </button>
          </div>
        </>
      )}
      {phase.name === 'ready' && (
        <>
          {heading(t('invitation.title'))}
          <InvitationFacts invitation={phase.invitation} />
          <AcceptInvitationForm
            invitation={phase.invitation}
            busy={submit.busy}
            error={submit.error}
            onSubmit={(input) => void accept(phase.invitation, input)}
          />
        </>
      )}
      {phase.name === 'joined' && (
        <>
          {heading(t('invitation.done.title', { institution: phase.invitation.institutionName }))}
          <Joined invitation={phase.invitation} session={session} />
        </>
      )}
    </section>
  );
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function InvitationFacts({ invitation }: { invitation: InvitationDetails }) {
  const { t } = useI18n();
  return (
    <dl className="invitation-facts" aria-label={t('invitation.details')}>
      <div>
        <dt>{t('invitation.institution')}</dt>
        <dd>{invitation.institutionName}</dd>
      </div>
      <div>
        <dt>{t('invitation.role')}</dt>
        <dd>{t(`role.${invitation.role}`)}</dd>
      </div>
      <div>
        <dt>{t('invitation.email')}</dt>
        <dd>{invitation.email}</dd>
      </div>
    </dl>
  );
}

function Joined({ invitation, session }: { invitation: InvitationDetails; session: Session | null }) {
  const { t } = useI18n();
  const institution = invitation.institutionName;
  if (!session) {
    return (
      <p role="status">
        {t('invitation.done.signIn', { email: invitation.email })}{' '}
        <Link to="/login">{t('invitation.done.signInLink')}</Link>
      </p>
    );
  }
  if (sameAddress(session.user.email, invitation.email)) {
    return (
      <p role="status">
        {t('invitation.done.signedIn', { institution })}{' '}
        <Link to="/">{t('invitation.done.studiesLink')}</Link>
      </p>
    );
  }
  return (
    <p role="status">
      {t('invitation.done.otherAccount', {
        name: session.user.displayName,
        email: invitation.email,
        institution,
      })}
    </p>
  );
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Session } from '../api/types';
import { changeValue, describedErrors } from '../setup/testing';
import { deferred, json, mockFetch, noContent } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import {
  click,
  getButton,
  getByLabelText,
  getByRole,
  present,
  render,
  settle,
  textOf,
  waitFor,
} from '../test/render';
import { AcceptInvitationPage } from './accept-invitation-page';
import type { InvitationDetails } from './invitation-api';

const TOKEN = 'k3Y_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

const newAccount: InvitationDetails = {
  email: 'sam@praktijk.example',
  institutionName: 'Demo GGZ Utrecht',
  role: 'researcher',
  accountExists: false,
  displayName: 'Sam de Wit',
};
const existingAccount: InvitationDetails = { ...newAccount, accountExists: true, displayName: null };

const invalid = json(404, {
  statusCode: 404,
  code: 'invitation_invalid',
  message: 'This invitation is unknown, used, revoked or expired',
  correlationId: 'c-1',
});
const tooMany = (seconds: number) =>
  json(
    429,
    { statusCode: 429, code: 'too_many_requests', message: 'Too many requests', correlationId: 'c-2' },
    { 'Retry-After': String(seconds) },
  );

function openLink(hash = `#${TOKEN}`) {
  window.history.replaceState(null, '', `/accept-invitation${hash}`);
}

async function renderPage(options: { session?: Session | null; language?: 'en' | 'nl' } = {}) {
  const onSessionChange = vi.fn();
  const container = await render(
    <AcceptInvitationPage
      api={createApiClient()}
      session={options.session ?? null}
      onSessionChange={onSessionChange}
    />,
    { language: options.language },
  );
  return { container, onSessionChange };
}

const facts = (container: HTMLElement) =>
  [...container.querySelectorAll('.invitation-facts div')].map((row) => [
    textOf(row.querySelector('dt')),
    textOf(row.querySelector('dd')),
  ]);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AcceptInvitationPage', () => {
  it('takes the token out of the address before anything else, then shows what the invitation is for', async () => {
    openLink();
    const pending = deferred(json(200, newAccount));
    const { requests } = mockFetch({ 'POST /api/auth/invitation': pending.reply });
    const historyLength = window.history.length;

    const { container } = await renderPage();

    // While the API is still being asked, the token is gone from the address bar and the history entry.
    expect(window.location.pathname).toBe('/accept-invitation');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain(TOKEN);
    expect(window.history.length).toBe(historyLength);
    expect(textOf(getByRole(container, 'status'))).toBe('Checking your invitation…');
    expect(requests).toEqual([
      expect.objectContaining({ method: 'POST', url: '/api/auth/invitation', body: { token: TOKEN } }),
    ]);

    pending.release();
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('Accept an invitation');
    expect(facts(container)).toEqual([
      ['Institution', 'Demo GGZ Utrecht'],
      ['Role', 'Researcher'],
      ['E-mail address', 'sam@praktijk.example'],
    ]);
    expect(document.activeElement).toBe(getByRole(container, 'heading', 1));
  });

  it('lets a new colleague choose a name and a password, checked before anything is sent', async () => {
    openLink();
    const { requests } = mockFetch({
      'POST /api/auth/invitation': json(200, newAccount),
      'POST /api/auth/accept-invitation': noContent(),
    });
    const { container, onSessionChange } = await renderPage();
    await settle();

    const name = getByLabelText(container, 'Your name');
    const password = getByLabelText(container, 'Password');
    const repeat = getByLabelText(container, 'Repeat password');
    expect(name.value).toBe('Sam de Wit');
    expect(password.type).toBe('password');
    expect(password.autocomplete).toBe('new-password');
    expect(repeat.autocomplete).toBe('new-password');
    // The address travels as the username for password managers, without showing a second time.
    const username = present(container.querySelector<HTMLInputElement>('input[autocomplete="username"]'));
    expect([username.value, username.hidden]).toEqual(['sam@praktijk.example', true]);

    await changeValue(password, 'short');
    await click(getButton(container, 'Create account and join'));
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(password)).toEqual(['Use at least 12 characters.']);
    expect(document.activeElement).toBe(password);

    await changeValue(password, 'a long enough passphrase');
    await changeValue(repeat, 'a long enough passphrasE');
    await click(getButton(container, 'Create account and join'));
    expect(describedErrors(repeat)).toEqual(['The two passwords are not the same.']);
    expect(password.hasAttribute('aria-invalid')).toBe(false);
    expect(document.activeElement).toBe(repeat);
    expect(requests.filter((request) => request.url === '/api/auth/accept-invitation')).toEqual([]);

    await changeValue(name, '  Sam de Wit-Jansen ');
    await changeValue(repeat, 'a long enough passphrase');
    await click(getButton(container, 'Create account and join'));
    await settle();

    expect(requests.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      body: { token: TOKEN, password: 'a long enough passphrase', displayName: 'Sam de Wit-Jansen' },
    });
    expect(textOf(getByRole(container, 'heading', 1))).toBe('You have joined Demo GGZ Utrecht');
    expect(document.activeElement).toBe(getByRole(container, 'heading', 1));
    expect(textOf(getByRole(container, 'status'))).toBe(
      'Sign in with sam@praktijk.example and your password. Sign in',
    );
    expect(present(container.querySelector('a')).getAttribute('href')).toBe('/login');
    expect(onSessionChange).not.toHaveBeenCalled();
  });

  it('asks an existing account for its password and says so beside the field when it is wrong', async () => {
    openLink();
    const { requests } = mockFetch({
      'POST /api/auth/invitation': json(200, existingAccount),
      'POST /api/auth/accept-invitation': [
        json(401, {
          statusCode: 401,
          code: 'invalid_credentials',
          message:
            'E-mail address or password is incorrect, or the account is locked for a while after too many attempts',
        }),
        noContent(),
      ],
    });
    const { container } = await renderPage();
    await settle();

    expect(() => getByLabelText(container, 'Your name')).toThrow();
    expect(() => getByLabelText(container, 'Repeat password')).toThrow();
    expect(textOf(container.querySelector('form > p'))).toBe(
      'You already have a Klik account with this address. Enter its password to add Demo GGZ Utrecht to it.',
    );
    const password = getByLabelText(container, 'Password of your account');
    expect(password.autocomplete).toBe('current-password');

    await changeValue(password, 'not my password');
    await click(getButton(container, 'Join Demo GGZ Utrecht'));
    await settle();

    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(password)).toEqual([
      'That is not the password of this account, or the account is locked for a while after too many attempts.',
    ]);
    expect(document.activeElement).toBe(password);
    expect(container.querySelector('[role="alert"]')).toBeNull();

    await changeValue(password, 'my real password');
    await click(getButton(container, 'Join Demo GGZ Utrecht'));
    await settle();

    expect(requests.at(-1)?.body).toEqual({ token: TOKEN, password: 'my real password' });
    expect(textOf(getByRole(container, 'heading', 1))).toBe('You have joined Demo GGZ Utrecht');
  });

  it('explains an unusable link and whom to ask, without telling why it is unusable', async () => {
    openLink();
    mockFetch({ 'POST /api/auth/invitation': invalid });
    const { container } = await renderPage();
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('This invitation link no longer works');
    expect(textOf(container.querySelector('h1 + p'))).toBe(
      'It has expired, has been used already, or was replaced by a newer invitation or withdrawn. Ask the institution admin who invited you to send a new invitation.',
    );
    expect(container.querySelector('form')).toBeNull();
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('says the same in Dutch', async () => {
    openLink();
    mockFetch({ 'POST /api/auth/invitation': invalid });
    const { container } = await renderPage({ language: 'nl' });
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('Deze uitnodigingslink werkt niet meer');
    expect(textOf(container.querySelector('h1 + p'))).toContain(
      'Vraag de instellingsbeheerder die je heeft uitgenodigd om een nieuwe uitnodiging te sturen.',
    );
  });

  it('says how long to wait when the check is rate limited, and checks again on request', async () => {
    openLink();
    const { requests } = mockFetch({ 'POST /api/auth/invitation': [tooMany(180), json(200, newAccount)] });
    const { container } = await renderPage();
    await settle();

    const alert = getByRole(container, 'alert');
    expect(textOf(alert.querySelector('p'))).toBe(
      'The invitation could not be checked. Too many attempts. Try again in 3 minutes.',
    );
    await click(getButton(alert, 'Try again'));
    await settle();

    expect(requests.map((request) => request.body)).toEqual([{ token: TOKEN }, { token: TOKEN }]);
    expect(facts(container)[0]).toEqual(['Institution', 'Demo GGZ Utrecht']);
  });

  it('says how long to wait when accepting is rate limited, and keeps the form', async () => {
    openLink();
    mockFetch({
      'POST /api/auth/invitation': json(200, existingAccount),
      'POST /api/auth/accept-invitation': tooMany(61),
    });
    const { container } = await renderPage();
    await settle();

    await changeValue(getByLabelText(container, 'Password of your account'), 'my real password');
    await click(getButton(container, 'Join Demo GGZ Utrecht'));
    await settle();

    const alert = getByRole(container, 'alert');
    expect(textOf(alert.querySelector('p'))).toBe('Too many attempts. Try again in 2 minutes.');
    expect(document.activeElement).toBe(alert);
    expect(getButton(container, 'Join Demo GGZ Utrecht').disabled).toBe(false);
  });

  it('turns to the unusable-link state when the link stops working between checking and accepting', async () => {
    openLink();
    mockFetch({
      'POST /api/auth/invitation': json(200, existingAccount),
      'POST /api/auth/accept-invitation': invalid,
    });
    const { container } = await renderPage();
    await settle();
    await changeValue(getByLabelText(container, 'Password of your account'), 'my real password');
    await click(getButton(container, 'Join Demo GGZ Utrecht'));
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('This invitation link no longer works');
  });

  it('asks nothing when the link has no token', async () => {
    openLink('');
    const { requests } = mockFetch({});
    const { container } = await renderPage();
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('This link is incomplete');
    expect(requests).toEqual([]);
  });

  it('calls a link cut short incomplete when the API refuses the form of its token', async () => {
    openLink('#abc');
    mockFetch({
      'POST /api/auth/invitation': json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is not valid',
        errors: [{ field: 'token', messages: ['token must be longer than or equal to 20 characters'] }],
      }),
    });
    const { container } = await renderPage();
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('This link is incomplete');
    expect(window.location.hash).toBe('');
  });

  it('loads the session again when the invited account is the one signed in', async () => {
    openLink();
    const signedIn: Session = {
      ...researcherSession,
      user: { ...researcherSession.user, email: 'Sam@Praktijk.example' },
    };
    const withNewInstitution: Session = {
      ...signedIn,
      memberships: [
        ...signedIn.memberships,
        { institutionId: 'inst-c', institutionName: 'Demo GGZ Utrecht', role: 'researcher' },
      ],
    };
    mockFetch({
      'POST /api/auth/invitation': json(200, existingAccount),
      'POST /api/auth/accept-invitation': noContent(),
      'GET /api/auth/me': json(200, withNewInstitution),
    });
    const { container, onSessionChange } = await renderPage({ session: signedIn });
    await settle();

    await changeValue(getByLabelText(container, 'Password of your account'), 'my real password');
    await click(getButton(container, 'Join Demo GGZ Utrecht'));
    await waitFor(() => expect(onSessionChange).toHaveBeenCalledWith(withNewInstitution));

    expect(textOf(getByRole(container, 'status'))).toBe(
      'Your account now includes Demo GGZ Utrecht; choose it in the header to work there. Go to your studies',
    );
  });

  it('tells someone signed in as another account to sign in with the invited address', async () => {
    openLink();
    mockFetch({
      'POST /api/auth/invitation': json(200, existingAccount),
      'POST /api/auth/accept-invitation': noContent(),
    });
    const { container, onSessionChange } = await renderPage({ session: researcherSession });
    await settle();

    await changeValue(getByLabelText(container, 'Password of your account'), 'my real password');
    await click(getButton(container, 'Join Demo GGZ Utrecht'));
    await settle();

    expect(textOf(getByRole(container, 'status'))).toBe(
      'You are signed in as Dana de Vries. Sign out and sign in with sam@praktijk.example to work in Demo GGZ Utrecht.',
    );
    expect(onSessionChange).not.toHaveBeenCalled();
  });
});

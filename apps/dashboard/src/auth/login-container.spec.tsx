import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { deferred, json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import {
  click,
  getButton,
  getByLabelText,
  getByRole,
  render,
  settle,
  textOf,
  typeInto,
} from '../test/render';
import { LoginContainer } from './login-container';

async function renderLogin(language: 'en' | 'nl' = 'en') {
  const onLoggedIn = vi.fn();
  const container = await render(<LoginContainer api={createApiClient()} onLoggedIn={onLoggedIn} />, {
    language,
  });
  return { container, onLoggedIn };
}

async function fillAndSubmit(container: HTMLElement, email: string, password: string) {
  typeInto(getByLabelText(container, 'Email address'), email);
  typeInto(getByLabelText(container, 'Password'), password);
  await click(getButton(container, 'Sign in'));
}

describe('LoginContainer', () => {
  it('has labelled email and password fields with autocomplete hints', async () => {
    const { container } = await renderLogin();

    const email = getByLabelText(container, 'Email address');
    const password = getByLabelText(container, 'Password');
    expect(email.type).toBe('email');
    expect(email.autocomplete).toBe('username');
    expect(password.type).toBe('password');
    expect(password.autocomplete).toBe('current-password');
  });

  it('submits the credentials, shows a loading state, then hands over the session', async () => {
    const pending = deferred(json(200, researcherSession));
    const { requests } = mockFetch({ 'POST /api/auth/login': pending.reply });
    const { container, onLoggedIn } = await renderLogin();

    await fillAndSubmit(container, '  researcher@demo.klik ', 'correct horse');

    const busyButton = getButton(container, 'Signing in…');
    expect(busyButton.disabled).toBe(true);
    expect(busyButton.getAttribute('aria-busy')).toBe('true');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ email: 'researcher@demo.klik', password: 'correct horse' });

    pending.release();
    await settle();

    expect(onLoggedIn).toHaveBeenCalledWith(researcherSession);
  });

  it("shows the API's refusal as an alert and lets the user try again", async () => {
    mockFetch({
      'POST /api/auth/login': json(401, {
        statusCode: 401,
        code: 'invalid_credentials',
        message: 'Invalid email or password',
      }),
    });
    const { container, onLoggedIn } = await renderLogin();

    await fillAndSubmit(container, 'researcher@demo.klik', 'wrong');
    await settle();

    expect(textOf(getByRole(container, 'alert'))).toBe(
      'The email address or password is incorrect, or the account is locked for a while after too many attempts.',
    );
    expect(getButton(container, 'Sign in').disabled).toBe(false);
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('shows the message of an error code it has no text for, with the correlation id', async () => {
    mockFetch({
      'POST /api/auth/login': json(503, {
        statusCode: 503,
        code: 'database_unavailable',
        message: 'The database is starting; try again in a minute.',
        correlationId: 'req-42',
      }),
    });
    const { container } = await renderLogin();

    await fillAndSubmit(container, 'researcher@demo.klik', 'secret');
    await settle();

    const paragraphs = [...getByRole(container, 'alert').querySelectorAll('p')].map(textOf);
    expect(paragraphs).toEqual(['The database is starting; try again in a minute.', 'Reference: req-42']);
  });

  it('puts field errors next to their fields and marks them invalid', async () => {
    mockFetch({
      'POST /api/auth/login': json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is invalid.',
        errors: [{ field: 'email', messages: ['email must be an email'] }],
      }),
    });
    const { container } = await renderLogin();

    await fillAndSubmit(container, 'researcher@demo.klik', 'secret');
    await settle();

    const email = getByLabelText(container, 'Email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby');
    expect(textOf(document.getElementById(describedBy ?? ''))).toBe('email must be an email');
    expect(getByLabelText(container, 'Password').hasAttribute('aria-invalid')).toBe(false);
  });

  it("says how long to wait after too many attempts, from the 429's Retry-After (whole minutes, rounded up)", async () => {
    const tooMany = (retryAfter: string) =>
      json(
        429,
        { statusCode: 429, code: 'too_many_requests', message: 'Too many requests' },
        { 'Retry-After': retryAfter },
      );
    mockFetch({ 'POST /api/auth/login': [tooMany('150'), tooMany('40')] });
    const { container, onLoggedIn } = await renderLogin();

    await fillAndSubmit(container, 'researcher@demo.klik', 'secret');
    await settle();
    expect(textOf(getByRole(container, 'alert'))).toBe('Too many attempts. Try again in 3 minutes.');

    await click(getButton(container, 'Sign in'));
    await settle();
    expect(textOf(getByRole(container, 'alert'))).toBe('Too many attempts. Try again in 1 minute.');
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('explains rate limiting in Dutch when the interface is Dutch', async () => {
    mockFetch({ 'POST /api/auth/login': json(429, { code: 'too_many_attempts' }) });
    const { container } = await renderLogin('nl');

    typeInto(getByLabelText(container, 'E-mailadres'), 'onderzoeker@demo.klik');
    typeInto(getByLabelText(container, 'Wachtwoord'), 'fout');
    await click(getButton(container, 'Inloggen'));
    await settle();

    expect(textOf(getByRole(container, 'alert'))).toBe(
      'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.',
    );
  });

  it('gives the wait in Dutch minutes when the 429 says how long', async () => {
    mockFetch({
      'POST /api/auth/login': json(429, { code: 'too_many_attempts' }, { 'Retry-After': '600' }),
    });
    const { container } = await renderLogin('nl');

    typeInto(getByLabelText(container, 'E-mailadres'), 'onderzoeker@demo.klik');
    typeInto(getByLabelText(container, 'Wachtwoord'), 'fout');
    await click(getButton(container, 'Inloggen'));
    await settle();

    expect(textOf(getByRole(container, 'alert'))).toBe(
      'Te veel pogingen. Probeer het over 10 minuten opnieuw.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { json, mockFetch, noContent } from '../test/fetch-mock';
import { researcherSession, singleMembershipSession, studies } from '../test/fixtures';
import {
  click,
  getButton,
  getByLabelText,
  getByRole,
  present,
  render,
  selectOption,
  settle,
  textOf,
  typeInto,
  waitFor,
} from '../test/render';
import { openSignal } from '../safety/safety-fixtures';
import { App } from './app';

const unauthenticated = json(401, { statusCode: 401, code: 'unauthenticated', message: 'Not logged in' });

const studyTitles = (container: HTMLElement) => [...container.querySelectorAll('.study-card h2')].map(textOf);

// The home page asks first what needs attention (open safety signals, in the interface language).
const OPEN_SIGNALS = 'GET /api/safety-signals?status=open&language=en&limit=5&offset=0';
const noSignals = json(200, { items: [], total: 0, limit: 5, offset: 0 });

describe('App', () => {
  it('sends a visitor without a session to the login page, then shows their studies after login', async () => {
    window.history.replaceState(null, '', '/');
    const { requests } = mockFetch({
      'GET /api/auth/me': unauthenticated,
      'POST /api/auth/login': json(200, researcherSession),
      'GET /api/studies': json(200, { items: studies }),
      [OPEN_SIGNALS]: noSignals,
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Sign in'));
    expect(window.location.pathname).toBe('/login');
    expect(document.title).toBe('Sign in · Klik');

    typeInto(getByLabelText(container, 'Email address'), 'researcher@demo.klik');
    typeInto(getByLabelText(container, 'Password'), 'demo-password');
    await click(getButton(container, 'Sign in'));

    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));
    expect(window.location.pathname).toBe('/');
    expect(document.title).toBe('Studies · Klik');
    expect(textOf(container.querySelector('.signed-in-as'))).toBe('Signed in as Dana de Vries');
    expect(textOf(container.querySelector('.role'))).toBe('Role: Researcher');
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/auth/me',
      'POST /api/auth/login',
      OPEN_SIGNALS,
      'GET /api/studies',
    ]);
  });

  it('shows the institution name without a switcher when the user has one membership', async () => {
    mockFetch({
      'GET /api/auth/me': json(200, singleMembershipSession),
      'GET /api/studies': json(200, { items: studies }),
      [OPEN_SIGNALS]: noSignals,
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));

    expect(textOf(container.querySelector('.institution-name'))).toBe('Institution: Demo GGZ Utrecht');
    expect(() => getByLabelText(container, 'Institution')).toThrow();
  });

  it('switches institution through the API and reloads the studies for the new one', async () => {
    const { requests } = mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'POST /api/auth/switch-institution': json(200, { ...researcherSession, activeInstitutionId: 'inst-b' }),
      'GET /api/studies': [json(200, { items: studies }), json(200, { items: [] })],
      [OPEN_SIGNALS]: noSignals,
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));

    const switcher = getByLabelText<HTMLSelectElement>(container, 'Institution');
    expect([...switcher.options].map((option) => option.text)).toEqual([
      'Demo GGZ Utrecht',
      'Praktijk Noord',
    ]);
    await selectOption(switcher, 'inst-b');

    await waitFor(() =>
      expect(textOf(container.querySelector('.empty'))).toBe('This institution has no studies yet.'),
    );
    expect(textOf(container.querySelector('.role'))).toBe('Role: Institution admin');
    expect(getByLabelText<HTMLSelectElement>(container, 'Institution').value).toBe('inst-b');
    expect(requests.find((request) => request.url === '/api/auth/switch-institution')?.body).toEqual({
      institutionId: 'inst-b',
    });
  });

  it('logs out and returns to the login page', async () => {
    const { requests } = mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'GET /api/studies': json(200, { items: studies }),
      [OPEN_SIGNALS]: noSignals,
      'POST /api/auth/logout': noContent(),
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));

    await click(getButton(container, 'Sign out'));
    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Sign in'));
    expect(window.location.pathname).toBe('/login');
    expect(requests.some((request) => request.method === 'POST' && request.url === '/api/auth/logout')).toBe(
      true,
    );
  });

  it('returns to the login page when the session has expired on the server', async () => {
    mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'GET /api/studies': unauthenticated,
      [OPEN_SIGNALS]: unauthenticated,
    });

    const container = await render(<App api={createApiClient()} />);

    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Sign in'));
    expect(window.location.pathname).toBe('/login');
  });

  it('shows a not-found page for unknown paths of a signed-in user', async () => {
    window.history.replaceState(null, '', '/no/such/page');
    mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'GET /api/studies': json(200, { items: studies }),
      [OPEN_SIGNALS]: noSignals,
    });

    const container = await render(<App api={createApiClient()} />);
    await settle();

    expect(textOf(getByRole(container, 'heading', 1))).toBe('Page not found');
    await click(present(container.querySelector<HTMLAnchorElement>('main a')));
    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));
    expect(window.location.pathname).toBe('/');
  });

  it('lets a visitor without a session open an invitation link, without sending them to the login page', async () => {
    window.history.replaceState(null, '', '/accept-invitation#tok-123');
    const { requests } = mockFetch({
      'GET /api/auth/me': unauthenticated,
      'POST /api/auth/invitation': json(200, {
        email: 'sam@praktijk.example',
        institutionName: 'Demo GGZ Utrecht',
        role: 'practitioner',
        accountExists: false,
        displayName: null,
      }),
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(getByLabelText(container, 'Repeat password')).toBeTruthy());

    expect(window.location.pathname).toBe('/accept-invitation');
    expect(window.location.hash).toBe('');
    expect(document.title).toBe('Accept an invitation · Klik');
    expect(textOf(getByRole(container, 'heading', 1))).toBe('Accept an invitation');
    expect(requests.find((request) => request.url === '/api/auth/invitation')?.body).toEqual({
      token: 'tok-123',
    });
  });

  it('links to Colleagues for institution admins only, and to Your sessions for everyone', async () => {
    const navLinks = (container: HTMLElement) =>
      [...container.querySelectorAll('.header-nav a')].map((link) => [
        textOf(link),
        link.getAttribute('href'),
      ]);
    mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'POST /api/auth/switch-institution': json(200, { ...researcherSession, activeInstitutionId: 'inst-b' }),
      'GET /api/studies': json(200, { items: studies }),
      [OPEN_SIGNALS]: noSignals,
      'GET /api/auth/sessions': json(200, { items: [] }),
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));
    expect(navLinks(container)).toEqual([
      ['Needs attention', '/needs-attention'],
      ['Your sessions', '/account/sessions'],
    ]);

    await selectOption(getByLabelText<HTMLSelectElement>(container, 'Institution'), 'inst-b');
    await settle();
    expect(navLinks(container)).toEqual([
      ['Needs attention', '/needs-attention'],
      ['Colleagues', '/colleagues'],
      ['Your sessions', '/account/sessions'],
    ]);

    await click(
      present(container.querySelector<HTMLAnchorElement>('.header-nav a[href="/account/sessions"]')),
    );
    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Your sessions'));
    expect(window.location.pathname).toBe('/account/sessions');
    expect(container.querySelector('.header-nav a[aria-current="page"]')?.getAttribute('href')).toBe(
      '/account/sessions',
    );
  });

  it('puts what needs attention before anything else on the home page', async () => {
    window.history.replaceState(null, '', '/');
    mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'GET /api/studies': json(200, { items: studies }),
      [OPEN_SIGNALS]: json(200, { items: [openSignal], total: 1, limit: 5, offset: 0 }),
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(studyTitles(container)).toHaveLength(2));

    const main = present(container.querySelector('main'));
    expect(textOf(main.firstElementChild?.querySelector('h2') ?? null)).toBe('Needs attention');
    expect(textOf(main.querySelector('.needs-attention-count'))).toBe('1 signal needs attention.');
    expect(textOf(main.querySelector('.signal-card h3'))).toBe('Participant KLIK-0042');
  });

  it('brings a signed-out visitor of "Needs attention" (the e-mail link) back there after login', async () => {
    window.history.replaceState(null, '', '/needs-attention');
    mockFetch({
      'GET /api/auth/me': unauthenticated,
      'POST /api/auth/login': json(200, researcherSession),
      'GET /api/studies': json(200, { items: studies }),
      'GET /api/safety-signals?status=open&language=en&limit=20&offset=0': json(200, {
        items: [openSignal],
        total: 1,
        limit: 20,
        offset: 0,
      }),
    });

    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Sign in'));
    typeInto(getByLabelText(container, 'Email address'), 'researcher@demo.klik');
    typeInto(getByLabelText(container, 'Password'), 'demo-password');
    await click(getButton(container, 'Sign in'));

    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Needs attention'));
    expect(window.location.pathname).toBe('/needs-attention');
    expect(document.title).toBe('Needs attention · Klik');
    await waitFor(() => expect(container.querySelectorAll('.signal-card')).toHaveLength(1));
  });
});

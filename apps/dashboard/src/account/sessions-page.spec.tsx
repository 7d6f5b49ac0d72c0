import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { json, mockFetch, noContent } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, present, render, settle, textOf } from '../test/render';
import type { StaffSession } from './sessions-api';
import { SessionsPage } from './sessions-page';

const FIREFOX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

const sessions: StaffSession[] = [
  {
    id: 'se-3',
    createdAt: '2026-04-03T08:15:00.000Z',
    expiresAt: '2026-04-10T08:15:00.000Z',
    userAgent: FIREFOX,
    current: true,
  },
  {
    id: 'se-2',
    createdAt: '2026-04-02T19:40:00.000Z',
    expiresAt: '2026-04-09T19:40:00.000Z',
    userAgent: IPHONE,
    current: false,
  },
  {
    id: 'se-1',
    createdAt: '2026-04-01T07:00:00.000Z',
    expiresAt: '2026-04-08T07:00:00.000Z',
    userAgent: null,
    current: false,
  },
];

// Times in the page's own locale and time zone, as the component formats them.
const dateTime = (iso: string, locale = 'en-GB') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

async function renderPage(language: 'en' | 'nl' = 'en') {
  const onLoggedOut = vi.fn();
  const container = await render(
    <SessionsPage api={createApiClient()} session={researcherSession} onLoggedOut={onLoggedOut} />,
    { language },
  );
  await settle();
  return { container, onLoggedOut };
}

/** Per session: device (and the mark of this one), signed in, valid until, the button. */
const rows = (container: HTMLElement) =>
  [...container.querySelectorAll('.session-list > li')].map((item) => [
    textOf(item.querySelector('.session-device')),
    ...[...item.querySelectorAll('dd')].map(textOf),
    textOf(item.querySelector('button')),
  ]);

const endButton = (container: HTMLElement, label: string) =>
  present(
    [...container.querySelectorAll('button')].find((button) => button.getAttribute('aria-label') === label),
    `button "${label}"`,
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SessionsPage', () => {
  it('lists the sessions with browser and system, times, and this session marked', async () => {
    mockFetch({ 'GET /api/auth/sessions': json(200, { items: sessions }) });
    const { container } = await renderPage();

    expect(textOf(container.querySelector('h1'))).toBe('Your sessions');
    expect(textOf(container.querySelector('#session-list-summary'))).toBe(
      'Signed in on 3 devices or browsers',
    );
    expect(rows(container)).toEqual([
      [
        'Firefox on Linux This session',
        dateTime(sessions[0].createdAt),
        dateTime(sessions[0].expiresAt),
        'Sign out here',
      ],
      ['Safari on iOS', dateTime(sessions[1].createdAt), dateTime(sessions[1].expiresAt), 'End session'],
      ['Unknown browser', dateTime(sessions[2].createdAt), dateTime(sessions[2].expiresAt), 'End session'],
    ]);
    // The full user agent stays at hand for whoever wants to check.
    expect(container.querySelector('.session-device strong')?.getAttribute('title')).toBe(FIREFOX);
  });

  it('ends one other session and says which', async () => {
    const { requests } = mockFetch({
      'GET /api/auth/sessions': json(200, { items: sessions }),
      'DELETE /api/auth/sessions/se-2': noContent(),
    });
    const { container, onLoggedOut } = await renderPage();

    await click(
      endButton(container, `End session: Safari on iOS, signed in ${dateTime(sessions[1].createdAt)}`),
    );
    await settle();

    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/auth/sessions/se-2' });
    expect(rows(container).map((row) => row[0])).toEqual([
      'Firefox on Linux This session',
      'Unknown browser',
    ]);
    const outcome = present(container.querySelector<HTMLElement>('[role="status"]'));
    expect(textOf(outcome)).toBe('The session of Safari on iOS is ended.');
    expect(document.activeElement).toBe(outcome);
    expect(onLoggedOut).not.toHaveBeenCalled();
  });

  it('ends all other sessions at once and keeps this one', async () => {
    const { requests } = mockFetch({
      'GET /api/auth/sessions': json(200, { items: sessions }),
      'POST /api/auth/sessions/end-others': json(200, { ended: 2 }),
    });
    const { container } = await renderPage();

    await click(getButton(container, 'End all other sessions'));
    await settle();

    expect(requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/auth/sessions/end-others' });
    expect(rows(container).map((row) => row[0])).toEqual(['Firefox on Linux This session']);
    expect(textOf(container.querySelector('[role="status"]'))).toBe('2 other sessions ended.');
    expect(textOf(container.querySelector('#session-list-summary'))).toBe('Signed in on 1 device or browser');
    expect(() => getButton(container, 'End all other sessions')).toThrow();
    expect(textOf(container.querySelector('.button-row p'))).toBe('This is your only session.');
  });

  it('signs out when this browser’s own session is ended', async () => {
    mockFetch({
      'GET /api/auth/sessions': json(200, { items: sessions }),
      'DELETE /api/auth/sessions/se-3': noContent(),
    });
    const { container, onLoggedOut } = await renderPage();

    await click(getButton(container, 'Sign out here'));
    await settle();

    expect(onLoggedOut).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal as an alert and keeps the list', async () => {
    mockFetch({
      'GET /api/auth/sessions': json(200, { items: sessions }),
      'POST /api/auth/sessions/end-others': json(
        429,
        { statusCode: 429, code: 'too_many_requests', message: 'Too many requests' },
        { 'Retry-After': '240' },
      ),
    });
    const { container } = await renderPage();

    await click(getButton(container, 'End all other sessions'));
    await settle();

    expect(textOf(container.querySelector('[role="alert"] p'))).toBe(
      'Too many attempts. Try again in 4 minutes.',
    );
    expect(rows(container)).toHaveLength(3);
  });

  it('speaks Dutch', async () => {
    mockFetch({ 'GET /api/auth/sessions': json(200, { items: sessions.slice(0, 2) }) });
    const { container } = await renderPage('nl');

    expect(textOf(container.querySelector('h1'))).toBe('Je sessies');
    expect(rows(container).map((row) => row[0])).toEqual(['Firefox op Linux Deze sessie', 'Safari op iOS']);
    expect(getButton(container, 'Alle andere sessies beëindigen')).toBeTruthy();
    expect(rows(container)[0]?.[1]).toBe(dateTime(sessions[0].createdAt, 'nl-NL'));
  });
});

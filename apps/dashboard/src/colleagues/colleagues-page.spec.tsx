import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Session } from '../api/types';
import { changeValue, describedErrors } from '../setup/testing';
import { json, mockFetch, noContent } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf } from '../test/render';
import type { Colleague, PendingInvitation, SentInvitation } from './colleagues-api';
import { ColleaguesPage } from './colleagues-page';

// Dana is institution admin in Praktijk Noord (inst-b) and researcher elsewhere.
const adminSession: Session = { ...researcherSession, activeInstitutionId: 'inst-b' };

const members: Colleague[] = [
  {
    userId: 'u-1',
    email: 'researcher@demo.klik',
    displayName: 'Dana de Vries',
    status: 'active',
    role: 'institution_admin',
  },
  {
    userId: 'u-2',
    email: 'anna@praktijk.example',
    displayName: 'Anna Bakker',
    status: 'active',
    role: 'practitioner',
  },
  {
    userId: 'u-3',
    email: 'kees@praktijk.example',
    displayName: 'Kees Jansen',
    status: 'disabled',
    role: 'researcher',
  },
];

const pending: PendingInvitation[] = [
  {
    id: 'si-1',
    email: 'lotte@praktijk.example',
    displayName: 'Lotte',
    role: 'researcher',
    createdAt: '2026-04-01T09:00:00.000Z',
    expiresAt: '2026-04-08T09:00:00.000Z',
    expired: false,
  },
  {
    id: 'si-2',
    email: 'old@praktijk.example',
    displayName: null,
    role: 'practitioner',
    createdAt: '2026-02-01T09:00:00.000Z',
    expiresAt: '2026-02-08T09:00:00.000Z',
    expired: true,
  },
];

const sent = (email: string, invitationId: string): SentInvitation => ({
  invitationId,
  email,
  role: 'researcher',
  displayName: null,
  status: 'invited',
  expiresAt: '2026-04-15T10:00:00.000Z',
});

const loadRoutes = {
  'GET /api/users': json(200, { items: members }),
  'GET /api/users/invitations': json(200, { items: pending }),
};

async function renderPage(session: Session = adminSession, language: 'en' | 'nl' = 'en') {
  const onUnauthenticated = vi.fn();
  const container = await render(
    <ColleaguesPage api={createApiClient()} session={session} onUnauthenticated={onUnauthenticated} />,
    { language },
  );
  await settle();
  return { container, onUnauthenticated };
}

const rows = (table: Element | null) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => {
      const select = cell.querySelector('select');
      return select ? `[${select.options[select.selectedIndex]?.text}]` : textOf(cell);
    }),
  );

const statusText = (container: HTMLElement) => [...container.querySelectorAll('[role="status"]')].map(textOf);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ColleaguesPage', () => {
  it('lists the members with their role (a select, except your own) and status', async () => {
    mockFetch(loadRoutes);
    const { container } = await renderPage();

    const table = container.querySelector('.member-table');
    expect(textOf(present(table).querySelector('caption'))).toBe('Members of Praktijk Noord (3)');
    expect(rows(table)).toEqual([
      ['Dana de Vries (you)', 'researcher@demo.klik', 'Institution admin', 'Active'],
      ['Anna Bakker', 'anna@praktijk.example', '[Practitioner]', 'Active'],
      ['Kees Jansen', 'kees@praktijk.example', '[Researcher]', 'Disabled'],
    ]);
    const select = getByLabelText<HTMLSelectElement>(container, 'Role of Anna Bakker');
    expect([...select.options].map((option) => option.value)).toEqual([
      'institution_admin',
      'researcher',
      'practitioner',
    ]);
  });

  it('shows a non-admin only that admins manage colleagues, and asks the API nothing', async () => {
    const { requests } = mockFetch({});
    const { container } = await renderPage(researcherSession);

    expect(textOf(container.querySelector('h1'))).toBe('Colleagues');
    expect(textOf(container.querySelector('.empty'))).toBe('Only institution admins manage colleagues.');
    expect(requests).toEqual([]);
  });

  it('invites by address, name and role, has no password field, and reports only that the invitation went', async () => {
    const { requests } = mockFetch({
      ...loadRoutes,
      'POST /api/users': [
        json(201, sent('new.person@example.org', 'si-3')),
        json(201, sent('bo@elsewhere.example', 'si-4')),
      ],
    });
    const { container } = await renderPage();

    const form = present(container.querySelector('form'));
    expect(form.querySelector('input[type="password"]')).toBeNull();
    const email = getByLabelText(form, 'E-mail address');
    expect(email.type).toBe('email');

    await changeValue(email, ' new.person@example.org ');
    await changeValue(getByLabelText(form, 'Name (optional)'), 'Noor');
    await changeValue(getByLabelText<HTMLSelectElement>(form, 'Role'), 'practitioner');
    await click(getButton(form, 'Send invitation'));
    await settle();
    const first = statusText(container);

    // An address that already has an account elsewhere gets the same answer from the API, and the same words here.
    await changeValue(email, 'bo@elsewhere.example');
    await click(getButton(form, 'Send invitation'));
    await settle();
    const second = statusText(container);

    expect(requests.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { email: 'new.person@example.org', role: 'practitioner', displayName: 'Noor' },
      { email: 'bo@elsewhere.example', role: 'practitioner' },
    ]);
    expect(first).toEqual([
      'Invitation sent to new.person@example.org. The link is valid until 15 Apr 2026.',
    ]);
    expect(second).toEqual(['Invitation sent to bo@elsewhere.example. The link is valid until 15 Apr 2026.']);
    expect(first[0]?.replace('new.person@example.org', 'X')).toBe(
      second[0]?.replace('bo@elsewhere.example', 'X'),
    );
    expect(textOf(container)).not.toMatch(/account|exist/i);
    expect(email.value).toBe('');
    // The pending list is asked again after each invitation (a new one replaces an earlier one to that address).
    expect(requests.filter((request) => request.url === '/api/users/invitations')).toHaveLength(3);
  });

  it('says when the address already belongs to a member, and keeps what was typed', async () => {
    mockFetch({
      ...loadRoutes,
      'POST /api/users': json(409, {
        statusCode: 409,
        code: 'already_member',
        message: 'This address is already a member of this institution',
        correlationId: 'c-9',
      }),
    });
    const { container } = await renderPage();
    const form = present(container.querySelector('form'));
    const email = getByLabelText(form, 'E-mail address');

    await changeValue(email, 'anna@praktijk.example');
    await click(getButton(form, 'Send invitation'));
    await settle();

    const alert = present(form.querySelector('[role="alert"]'));
    expect([...alert.querySelectorAll('p')].map(textOf)).toEqual([
      'This address already belongs to a member of this institution.',
      'Reference: c-9',
    ]);
    expect(document.activeElement).toBe(alert);
    expect(email.value).toBe('anna@praktijk.example');
    expect(statusText(container)).toEqual([]);
  });

  it('puts field errors from the API beside their fields', async () => {
    mockFetch({
      ...loadRoutes,
      'POST /api/users': json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is not valid',
        errors: [{ field: 'email', messages: ['email must be an e-mail address'] }],
      }),
    });
    const { container } = await renderPage();
    const form = present(container.querySelector('form'));
    const email = getByLabelText(form, 'E-mail address');

    await changeValue(email, 'not-an-address');
    await click(getButton(form, 'Send invitation'));
    await settle();

    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(email)).toEqual(['email must be an e-mail address']);
    expect(document.activeElement).toBe(email);
  });

  it("changes a colleague's role, and explains a refusal to demote the last admin", async () => {
    const { requests } = mockFetch({
      ...loadRoutes,
      'PATCH /api/users/u-2/role': json(200, { ...members[1], role: 'researcher' }),
      'PATCH /api/users/u-3/role': json(409, {
        statusCode: 409,
        code: 'last_admin',
        message: 'An institution needs at least one admin',
      }),
    });
    const { container } = await renderPage();

    await changeValue(getByLabelText<HTMLSelectElement>(container, 'Role of Anna Bakker'), 'researcher');
    await settle();
    expect(requests.at(-1)).toMatchObject({ method: 'PATCH', body: { role: 'researcher' } });
    expect(getByLabelText<HTMLSelectElement>(container, 'Role of Anna Bakker').value).toBe('researcher');
    expect(statusText(container)).toEqual(['The role of Anna Bakker is now: Researcher.']);

    const kees = getByLabelText<HTMLSelectElement>(container, 'Role of Kees Jansen');
    await changeValue(kees, 'practitioner');
    await settle();
    expect(textOf(container.querySelector('.colleagues-panel [role="alert"] p'))).toBe(
      'This is the last institution admin. Make someone else institution admin first.',
    );
    expect(kees.value).toBe('researcher');
    expect(statusText(container)).toEqual([]);
  });

  it('lists pending invitations and revokes one after a second confirmation', async () => {
    const { requests } = mockFetch({ ...loadRoutes, 'DELETE /api/users/invitations/si-1': noContent() });
    const { container } = await renderPage();

    const table = container.querySelector('.pending-invitations');
    expect(textOf(present(table).querySelector('caption'))).toBe('Invitations not yet accepted (2)');
    expect(rows(table).map((row) => row.slice(0, 5))).toEqual([
      ['lotte@praktijk.example', 'Lotte', 'Researcher', '1 Apr 2026', '8 Apr 2026'],
      ['old@praktijk.example', '—', 'Practitioner', '1 Feb 2026', '8 Feb 2026 Expired'],
    ]);

    const revokeButton = () =>
      present(
        [...container.querySelectorAll('button')].find(
          (button) =>
            button.getAttribute('aria-label') === 'Revoke the invitation for lotte@praktijk.example',
        ),
        'revoke button',
      );
    await click(revokeButton());
    const question = present(container.querySelector('.confirm'));
    expect(textOf(question.querySelector('p'))).toBe(
      'Revoke the invitation for lotte@praktijk.example? The link in the e-mail stops working.',
    );
    expect(document.activeElement).toBe(getButton(question, 'Revoke invitation'));
    await click(getButton(question, 'Cancel'));
    await settle();
    expect(container.querySelector('.confirm')).toBeNull();
    expect(document.activeElement).toBe(revokeButton());
    expect(requests.filter((request) => request.method === 'DELETE')).toEqual([]);

    await click(revokeButton());
    await click(getButton(present(container.querySelector('.confirm')), 'Revoke invitation'));
    await settle();

    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.url)).toEqual([
      '/api/users/invitations/si-1',
    ]);
    expect(rows(container.querySelector('.pending-invitations')).map((row) => row[0])).toEqual([
      'old@praktijk.example',
    ]);
    const outcome = present(container.querySelector<HTMLElement>('.status-message'));
    expect(textOf(outcome)).toBe('The invitation for lotte@praktijk.example is revoked.');
    expect(document.activeElement).toBe(outcome);
  });

  it('speaks Dutch', async () => {
    mockFetch({ ...loadRoutes, 'GET /api/users/invitations': json(200, { items: [] }) });
    const { container } = await renderPage(adminSession, 'nl');

    expect(textOf(container.querySelector('h1'))).toBe('Collega’s');
    expect([...container.querySelectorAll('h2')].map(textOf)).toEqual([
      'Leden',
      'Een collega uitnodigen',
      'Openstaande uitnodigingen',
    ]);
    expect(textOf(container.querySelector('.empty'))).toBe('Er staan geen uitnodigingen open.');
    expect(getButton(container, 'Uitnodiging versturen')).toBeTruthy();
  });
});

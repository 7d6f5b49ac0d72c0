import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Study } from '../api/types';
import { changeValue, describedErrors } from '../setup/testing';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf, waitFor } from '../test/render';
import { ParticipantsSection } from './participants-section';
import { replyJson, startTestHttpServer } from './test-http-server';
import {
  cohorts,
  invitations,
  participants,
  practitioners,
  protocol,
  recruitingStudy,
} from './participants-fixtures';

// The CSV download is a blob: URL, read with the platform's fetch (the tests replace the global one).
const realFetch = globalThis.fetch;
const BASE = '/api/studies/s-1';
const loadRoutes = {
  [`GET ${BASE}/cohorts`]: json(200, { items: cohorts }),
  [`GET ${BASE}/protocol`]: json(200, protocol),
  'GET /api/users?role=practitioner': json(200, { items: practitioners }),
  [`GET ${BASE}/participants?limit=100&offset=0`]: json(200, { items: participants, total: 2 }),
  [`GET ${BASE}/invitations`]: json(200, { items: invitations }),
};

async function renderSection(
  study: Study = recruitingStudy,
  role: 'researcher' | 'practitioner' = 'researcher',
) {
  return render(
    <ParticipantsSection
      api={createApiClient()}
      study={study}
      session={researcherSession}
      role={role}
      search=""
      onStudyChange={vi.fn()}
      onUnauthenticated={vi.fn()}
    />,
  );
}

const rowOf = (container: HTMLElement, code: string) =>
  present(
    [...container.querySelectorAll('tbody tr')].find((row) => textOf(row.querySelector('th')) === code),
    `row ${code}`,
  );

async function openDetails(container: HTMLElement, code: string) {
  const button = present(rowOf(container, code).querySelector('button'), 'details button');
  expect(textOf(button)).toBe(`Details of ${code}`);
  await click(button);
  await settle();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ParticipantsSection', () => {
  it("offers only the own institution's cohorts for enrolment, not a partner institution's", async () => {
    const partnerCohort = { ...cohorts[0], id: 'c-partner', name: 'Groningen', institutionId: 'inst-b' };
    mockFetch({ ...loadRoutes, [`GET ${BASE}/cohorts`]: json(200, { items: [...cohorts, partnerCohort] }) });
    const container = await renderSection();
    await waitFor(() => getByLabelText<HTMLSelectElement>(container, 'Cohort'));
    const select = getByLabelText<HTMLSelectElement>(container, 'Cohort');
    expect([...select.options].map((option) => option.textContent)).toEqual(['Utrecht', 'Zeist']);
  });

  it('lists participants with cohort, practitioner, status and number of links', async () => {
    mockFetch(loadRoutes);
    const container = await renderSection();
    await settle();

    expect(textOf(container.querySelector('.participant-table caption'))).toBe('2 of 2 participants');
    const cells = (code: string) =>
      [...rowOf(container, code).querySelectorAll('td')].map(textOf).slice(0, 5);
    expect(cells('KLIK-0001')).toEqual(['Utrecht', 'Anna Bakker', 'Active', '1 Apr 2026', '1']);
    expect(cells('KLIK-0002')).toEqual(['Zeist', '—', 'Withdrawn', '2 Apr 2026', '0']);
  });

  it('enrols one participant and shows field errors from the API next to the field', async () => {
    const enrolled = {
      ...participants[0],
      id: 'p-3',
      code: 'UTR-0042',
      cohortId: 'c-2',
      practitionerId: null,
    };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`POST ${BASE}/participants`]: [
        json(400, {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The request is not valid',
          errors: [
            {
              field: 'code',
              messages: ['code must be 3 to 40 letters, digits, - or _ (a pseudonym, never a name)'],
            },
          ],
        }),
        json(201, enrolled),
      ],
    });
    const container = await renderSection();
    await settle();

    await changeValue(getByLabelText<HTMLSelectElement>(container, 'Cohort'), 'c-2');
    const code = getByLabelText(container, 'Pseudonymous code (optional)');
    await changeValue(code, 'Jo');
    await click(getButton(container, 'Enrol participant'));
    await settle();

    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(code)).toEqual([
      'code must be 3 to 40 letters, digits, - or _ (a pseudonym, never a name)',
    ]);
    expect(document.activeElement).toBe(code);

    await changeValue(code, 'UTR-0042');
    await click(getButton(container, 'Enrol participant'));
    await settle();

    expect(requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { cohortId: 'c-2', code: 'Jo' },
      { cohortId: 'c-2', code: 'UTR-0042' },
    ]);
    expect(textOf(container.querySelector('[role="status"].status-message'))).toBe('Enrolled as UTR-0042.');
    expect(textOf(rowOf(container, 'UTR-0042').querySelector('td'))).toBe('Zeist');
    expect(textOf(container.querySelector('.participant-table caption'))).toBe('3 of 3 participants');
  });

  it('creates a link, copies it to the clipboard, and revokes the old one', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const url = 'http://localhost:3000/take/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const created = { ...invitations[0], id: 'i-2', timepointId: 'tp-session', sessionNumber: 2, url };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`GET ${BASE}/participants/p-1/contact`]: json(404, {
        statusCode: 404,
        code: 'not_found',
        message: 'none',
      }),
      [`POST ${BASE}/invitations`]: json(201, created),
      [`POST ${BASE}/invitations/i-1/revoke`]: json(200, { ...invitations[0], status: 'revoked' }),
    });
    const container = await renderSection();
    await settle();
    await openDetails(container, 'KLIK-0001');

    const panel = present(container.querySelector<HTMLElement>('.invitations-panel'));
    await changeValue(getByLabelText<HTMLSelectElement>(panel, 'Timepoint'), 'tp-session');
    await changeValue(getByLabelText(panel, 'Session number'), '2');
    await click(getButton(panel, 'New link'));
    await settle();
    expect(requests.find((r) => r.method === 'POST' && r.url === `${BASE}/invitations`)?.body).toEqual({
      participantId: 'p-1',
      timepointId: 'tp-session',
      sessionNumber: 2,
    });

    const link = getByLabelText(container, 'Link for KLIK-0001, Session, session 2');
    expect(link.value).toBe(url);
    expect(link.readOnly).toBe(true);
    await click(getButton(container, 'Copy link'));
    await settle();
    expect(writeText).toHaveBeenCalledWith(url);
    expect(textOf(link.closest('.copy-link')?.querySelector('[role="status"]') ?? null)).toBe(
      'The link is copied.',
    );

    const revoke = present(
      [...container.querySelectorAll('button')].find(
        (button) => button.getAttribute('aria-label') === 'Revoke the link for Baseline of KLIK-0001',
      ),
    );
    await click(revoke);
    await settle();
    const statuses = [...container.querySelectorAll('.invitations-panel tbody tr')].map((row) =>
      textOf(row.querySelectorAll('td')[1] ?? null),
    );
    expect(statuses).toEqual(['Revoked', 'Not opened']);
  });

  it('selects the link for copying by hand when the clipboard is not available', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const url = 'http://localhost:3000/take/zyxwvutsrqponmlkjihgfedcba9876543210ZYXWVUT';
    mockFetch({
      ...loadRoutes,
      [`GET ${BASE}/participants/p-1/contact`]: json(404, {
        statusCode: 404,
        code: 'not_found',
        message: 'none',
      }),
      [`POST ${BASE}/invitations`]: json(201, { ...invitations[0], id: 'i-3', url }),
    });
    const container = await renderSection();
    await settle();
    await openDetails(container, 'KLIK-0001');
    await click(getButton(container, 'New link'));
    await settle();

    await click(getButton(container, 'Copy link'));
    await settle();
    const link = getByLabelText(container, 'Link for KLIK-0001, Baseline');
    expect(document.activeElement).toBe(link);
    expect([link.selectionStart, link.selectionEnd]).toEqual([0, url.length]);
    expect(textOf(link.closest('.copy-link')?.querySelector('[role="status"]') ?? null)).toBe(
      'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
  });

  it('makes the links of a timepoint and offers them as a CSV download', async () => {
    const made = [
      {
        ...invitations[0],
        id: 'i-8',
        participantId: 'p-8',
        participantCode: 'KLIK-0008',
        url: 'http://k.test/take/t8',
      },
      {
        ...invitations[0],
        id: 'i-9',
        participantId: 'p-9',
        participantCode: 'KLIK-0009',
        url: 'http://k.test/take/t9',
      },
    ];
    const { requests } = mockFetch({
      ...loadRoutes,
      [`POST ${BASE}/invitations/batch`]: json(201, { created: 2, skipped: 1, items: made }),
    });
    const container = await renderSection();
    await settle();

    const panel = present(container.querySelector('[aria-labelledby="batch-links-heading"]'));
    await changeValue(getByLabelText(panel, 'Link valid for (days)'), '14');
    await click(getButton(panel, 'Create links'));
    await settle();

    expect(requests.find((r) => r.url === `${BASE}/invitations/batch`)?.body).toEqual({
      timepointId: 'tp-base',
      expiresInDays: 14,
    });
    expect(textOf(panel.querySelector('[role="status"]'))).toBe(
      '2 links made; 1 participants already had one.',
    );
    const download = present(
      [...panel.querySelectorAll('a')].find((anchor) => textOf(anchor) === 'Download 2 links (CSV)'),
      'download link',
    );
    expect(download.getAttribute('download')).toBe('alliance-and-disclosure-baseline-links.csv');
    const href = download.getAttribute('href') ?? '';
    expect(href.startsWith('blob:')).toBe(true);
    const csv = await (await realFetch(href)).text();
    expect(csv.replace('\uFEFF', '').split('\r\n')).toEqual([
      'code,timepoint,session,link,expires_at',
      'KLIK-0008,baseline,,http://k.test/take/t8,2026-05-01T10:00:00.000Z',
      'KLIK-0009,baseline,,http://k.test/take/t9,2026-05-01T10:00:00.000Z',
      '',
    ]);
    // The list is reloaded so the counts of links follow.
    expect(requests.filter((r) => r.url === `${BASE}/invitations`)).toHaveLength(2);
  });

  it('a practitioner sees the list without enrolment, links or the staff list', async () => {
    const { requests } = mockFetch({
      [`GET ${BASE}/cohorts`]: json(200, { items: cohorts }),
      [`GET ${BASE}/protocol`]: json(200, protocol),
      [`GET ${BASE}/participants?limit=100&offset=0`]: json(200, { items: [participants[0]], total: 1 }),
      [`GET ${BASE}/invitations`]: json(200, { items: invitations }),
    });
    const container = await renderSection(recruitingStudy, 'practitioner');
    await settle();

    expect(requests.some((r) => r.url.startsWith('/api/users'))).toBe(false);
    expect(() => getButton(container, 'Enrol participant')).toThrow();
    expect(() => getButton(container, 'Create links')).toThrow();
    await openDetails(container, 'KLIK-0001');
    expect(() => getButton(container, 'New link')).toThrow();
    expect(container.querySelector('.contact-panel')).toBeNull();
  });

  it('after a CSV import, shows the new participants in the list and keeps the result on screen', async () => {
    const server = await startTestHttpServer();
    try {
      server.reply((_request, response) => replyJson(response, 201, { created: 1, items: [] }));
      const base = `${server.baseUrl}/studies/s-1`;
      const imported = { ...participants[0], id: 'p-5', code: 'CSV-0005' };
      mockFetch({
        [`GET ${base}/cohorts`]: json(200, { items: cohorts }),
        [`GET ${base}/protocol`]: json(200, protocol),
        [`GET ${server.baseUrl}/users?role=practitioner`]: json(200, { items: practitioners }),
        [`GET ${base}/participants?limit=100&offset=0`]: [
          json(200, { items: participants, total: 2 }),
          json(200, { items: [...participants, imported], total: 3 }),
        ],
        [`GET ${base}/invitations`]: json(200, { items: invitations }),
      });
      const container = await render(
        <ParticipantsSection
          api={createApiClient({ baseUrl: server.baseUrl })}
          study={recruitingStudy}
          session={researcherSession}
          role="researcher"
          search=""
          onStudyChange={vi.fn()}
          onUnauthenticated={vi.fn()}
        />,
      );
      await settle();
      const input = getByLabelText(container, 'CSV file');
      await act(async () => {
        Object.defineProperty(input, 'files', {
          configurable: true,
          value: [new File(['cohort\nUtrecht\n'], 'one.csv')],
        });
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await click(getButton(container, 'Upload and enrol'));
      await waitFor(() => expect(() => rowOf(container, 'CSV-0005')).not.toThrow());

      expect(server.received.map((request) => request.url)).toEqual(['/api/studies/s-1/participants/import']);
      expect(textOf(container.querySelector('.csv-upload [role="status"]'))).toBe(
        '1 participants enrolled from one.csv.',
      );
      expect(textOf(container.querySelector('.participant-table caption'))).toBe('3 of 3 participants');
    } finally {
      await server.close();
    }
  });

  it('loads contact details only when asked, saves and erases them', async () => {
    const contact = {
      participantId: 'p-1',
      email: 'old@example.org',
      phone: null,
      preferredLanguage: null,
      createdAt: '2026-04-01T10:00:00.000Z',
      updatedAt: '2026-04-01T10:00:00.000Z',
    };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`GET ${BASE}/participants/p-1/contact`]: json(200, contact),
      [`PUT ${BASE}/participants/p-1/contact`]: [
        json(400, {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The request is not valid',
          errors: [{ field: 'email', messages: ['email must be an e-mail address'] }],
        }),
        json(200, { ...contact, email: 'new@example.org', preferredLanguage: 'en' }),
      ],
      [`DELETE ${BASE}/participants/p-1/contact`]: new Response(null, { status: 204 }),
    });
    const container = await renderSection();
    await settle();
    await openDetails(container, 'KLIK-0001');
    expect(requests.some((r) => r.url.endsWith('/contact'))).toBe(false);

    await click(getButton(container, 'Contact details of KLIK-0001'));
    await settle();
    const email = getByLabelText(container, 'E-mail address');
    expect(email.value).toBe('old@example.org');

    await changeValue(email, 'not-an-address');
    await click(getButton(container, 'Save contact details'));
    await settle();
    expect(describedErrors(email)).toEqual(['email must be an e-mail address']);

    await changeValue(email, 'new@example.org');
    await changeValue(getByLabelText<HTMLSelectElement>(container, 'Language of messages'), 'en');
    await click(getButton(container, 'Save contact details'));
    await settle();
    expect(requests.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({
      email: 'new@example.org',
      phone: null,
      preferredLanguage: 'en',
    });
    expect(textOf(container.querySelector('.contact-panel [role="status"]'))).toBe(
      'The contact details are saved.',
    );

    await click(getButton(container, 'Erase contact details'));
    await settle();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
    expect(getByLabelText(container, 'E-mail address').value).toBe('');
    expect(textOf(container.querySelector('.contact-panel [role="status"]'))).toBe(
      'The contact details are erased.',
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { protocol, recruitingStudy } from '../participants/participants-fixtures';
import { useSearch } from '../router';
import { changeValue } from '../setup/testing';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf } from '../test/render';
import { staff } from '../setup/setup-fixtures';
import type { OutboxMessage, OutboxPage } from './outbox-api';
import { OutboxSection } from './outbox-section';

const BASE = '/api/studies/s-1';

const message = (overrides: Partial<OutboxMessage>): OutboxMessage => ({
  id: 'm-1',
  participantId: 'p-1',
  participantCode: 'KLIK-0001',
  invitationId: 'i-1',
  timepointId: 'tp-base',
  kind: 'invitation',
  sequence: 0,
  to: 'client@example.org',
  subject: 'Uitnodiging: vragenlijst',
  body: 'Beste deelnemer,\n\nOpen de vragenlijst: http://localhost:3000/take/abc\n',
  language: 'nl',
  status: 'queued',
  attempts: 0,
  lastError: null,
  scheduledFor: '2026-11-29T08:00:00.000Z',
  nextAttemptAt: null,
  sentAt: null,
  cancelReason: null,
  createdAt: '2026-11-29T07:00:00.000Z',
  ...overrides,
});

const page: OutboxPage = {
  items: [
    message({}),
    message({
      id: 'm-2',
      kind: 'reminder',
      sequence: 2,
      status: 'failed',
      attempts: 3,
      lastError: 'connect ECONNREFUSED',
      to: null,
      subject: 'Reminder',
      language: 'en',
    }),
  ],
  total: 2,
  limit: 50,
  offset: 0,
  smtpConfigured: false,
};

function Harness() {
  const search = useSearch();
  return (
    <OutboxSection
      api={createApiClient()}
      study={recruitingStudy}
      session={researcherSession}
      role="researcher"
      search={search}
      onStudyChange={vi.fn()}
      onUnauthenticated={vi.fn()}
    />
  );
}

const routes = {
  [`GET ${BASE}/outbox?limit=50&offset=0`]: json(200, page),
  [`GET ${BASE}/protocol`]: json(200, protocol),
  'GET /api/users': json(200, { items: staff }),
};

describe('OutboxSection', () => {
  it('lists the messages with recipient, kind, status and the full text, and says that nothing is sent', async () => {
    mockFetch(routes);
    const container = await render(<Harness />);
    await settle();

    expect(textOf(container.querySelector('.alert'))).toContain('No mail server is configured');
    expect(textOf(container.querySelector('p.muted'))).toBe('1–2 of 2 messages');
    const rows = [...container.querySelectorAll('.outbox-table tbody tr')];
    const cells = rows.map((row) => [...row.querySelectorAll('th, td')].map(textOf));
    expect(cells[0]?.slice(1, 5)).toEqual([
      'KLIK-0001',
      'Invitation · Baseline',
      'client@example.org',
      'Waiting',
    ]);
    expect(cells[1]?.slice(1, 5)).toEqual([
      'KLIK-0001',
      'Reminder 2 · Baseline',
      'address erased',
      'Failed · 3 attempts: connect ECONNREFUSED',
    ]);
    const first = present(rows[0]?.querySelector('details'));
    expect(textOf(first.querySelector('summary'))).toBe('Uitnodiging: vragenlijst');
    expect(first.querySelector('pre')?.textContent).toBe(page.items[0]?.body);
    expect(first.querySelector('pre')?.getAttribute('lang')).toBe('nl');
  });

  it('filters by status through the address', async () => {
    const { requests } = mockFetch({
      ...routes,
      [`GET ${BASE}/outbox?status=failed&limit=50&offset=0`]: json(200, {
        ...page,
        items: [page.items[1]],
        total: 1,
      }),
    });
    window.history.replaceState(null, '', '/studies/s-1/outbox');
    const container = await render(<Harness />);
    await settle();

    await changeValue(getByLabelText<HTMLSelectElement>(container, 'Status'), 'failed');
    await settle();

    expect(window.location.search).toBe('?status=failed');
    expect(requests.map((r) => r.url)).toContain(`${BASE}/outbox?status=failed&limit=50&offset=0`);
    expect(container.querySelectorAll('.outbox-table tbody tr')).toHaveLength(1);
  });

  it('runs a sending pass on request and reloads the list', async () => {
    const { requests } = mockFetch({
      ...routes,
      [`POST ${BASE}/outbox/run`]: json(200, {
        planned: 4,
        sent: 0,
        failed: 0,
        cancelled: 1,
        smtpConfigured: false,
      }),
    });
    const container = await render(<Harness />);
    await settle();

    await click(getButton(container, 'Run a sending pass now'));
    await settle();

    expect(textOf(container.querySelector('.status-message'))).toBe(
      '4 invitations planned; 1 cancelled. Nothing is sent without a mail server.',
    );
    expect(requests.filter((r) => r.url === `${BASE}/outbox?limit=50&offset=0`)).toHaveLength(2);
  });

  it('pages through long outboxes', async () => {
    const { requests } = mockFetch({
      ...routes,
      [`GET ${BASE}/outbox?limit=50&offset=0`]: json(200, { ...page, total: 120 }),
      [`GET ${BASE}/outbox?limit=50&offset=50`]: json(200, { ...page, total: 120, offset: 50 }),
    });
    window.history.replaceState(null, '', '/studies/s-1/outbox');
    const container = await render(<Harness />);
    await settle();
    expect(getButton(container, 'Previous').disabled).toBe(true);

    await click(getButton(container, 'Next'));
    await settle();
    expect(window.location.search).toBe('?offset=50');
    expect(requests.map((r) => r.url)).toContain(`${BASE}/outbox?limit=50&offset=50`);
    expect(textOf(container.querySelector('p.muted'))).toBe('51–52 of 120 messages');
  });

  it('says to whom a safety e-mail went and why, without a timepoint or answers', async () => {
    const safetyBody =
      'Beste collega,\n\nDeelnemer KLIK-0042 in het onderzoek "Alliantie" heeft een vragenlijst ingevuld met een antwoord dat om de aandacht van een hulpverlener vraagt.\n\nhttp://localhost:3000/needs-attention\n';
    const safety = (overrides: Partial<OutboxMessage>) =>
      message({
        kind: 'safety_signal',
        invitationId: null,
        timepointId: null,
        participantCode: 'KLIK-0042',
        subject: 'Aandacht nodig: deelnemer KLIK-0042 – Alliantie',
        body: safetyBody,
        status: 'sent',
        sentAt: '2026-11-29T08:00:05.000Z',
        ...overrides,
      });
    const { requests } = mockFetch({
      ...routes,
      [`GET ${BASE}/outbox?kind=safety_signal&limit=50&offset=0`]: json(200, {
        ...page,
        items: [
          safety({ id: 'm-s1', recipientUserId: 'u-2', to: 'anna@demo.klik' }),
          safety({ id: 'm-s2', recipientUserId: 'u-1', to: 'researcher@demo.klik' }),
          safety({
            id: 'm-s3',
            kind: 'safety_escalation',
            recipientUserId: 'u-9',
            to: 'admin@demo.klik',
            subject: 'Nog niet opgevolgd: deelnemer KLIK-0042 – Alliantie',
          }),
        ],
        total: 3,
      }),
    });
    window.history.replaceState(null, '', '/studies/s-1/outbox');
    const container = await render(
      <OutboxSection
        api={createApiClient()}
        study={{ ...recruitingStudy, safetyContactUserId: 'u-1' }}
        session={researcherSession}
        role="researcher"
        search="?kind=safety_signal"
        onStudyChange={vi.fn()}
        onUnauthenticated={vi.fn()}
      />,
    );
    await settle();

    expect(requests.map((r) => r.url)).toContain(`${BASE}/outbox?kind=safety_signal&limit=50&offset=0`);
    expect(
      [...getByLabelText<HTMLSelectElement>(container, 'Kind').options].map((option) => option.text),
    ).toEqual(['All', 'Invitation', 'Reminder', 'Safety signal', 'Safety escalation']);
    const cells = [...container.querySelectorAll('.outbox-table tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map(textOf),
    );
    expect(cells.map((row) => row.slice(1, 4))).toEqual([
      [
        'KLIK-0042',
        'Safety signal · to staff: an answer endorsed a risk item (the e-mail holds no answers)',
        'Anna de Boer · Practitioneranna@demo.klik',
      ],
      [
        'KLIK-0042',
        'Safety signal · to staff: an answer endorsed a risk item (the e-mail holds no answers)',
        'Dana de Vries · Researcher · safety contactresearcher@demo.klik',
      ],
      [
        'KLIK-0042',
        'Safety escalation · to the safety contact and the admins: the signal was not acknowledged in time (no answers)',
        'A staff memberadmin@demo.klik',
      ],
    ]);
  });
});

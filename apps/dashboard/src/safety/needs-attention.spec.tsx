import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { useSearch } from '../router';
import { changeValue, describedErrors } from '../setup/testing';
import { json, mockFetch } from '../test/fetch-mock';
import { studies } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf, waitFor } from '../test/render';
import { NeedsAttentionPage } from './needs-attention-page';
import { NeedsAttentionPanel } from './needs-attention-panel';
import { acknowledgedSignal, escalatedSignal, openSignal, signalPage } from './safety-fixtures';

const HOME = 'GET /api/safety-signals?status=open&language=en&limit=5&offset=0';

/** A moment as the English interface writes it (in the machine's time zone, as the page does). */
const at = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

async function renderPanel(language: 'en' | 'nl' = 'en') {
  const container = await render(
    <NeedsAttentionPanel api={createApiClient()} institutionId="inst-a" onUnauthenticated={vi.fn()} />,
    { language },
  );
  await settle();
  return container;
}

/** The page as the app mounts it: the query string comes from the address. */
function PageHarness() {
  const search = useSearch();
  return (
    <NeedsAttentionPage
      api={createApiClient()}
      institutionId="inst-a"
      search={search}
      onUnauthenticated={vi.fn()}
    />
  );
}

const card = (container: HTMLElement, code: string) =>
  present(
    [...container.querySelectorAll<HTMLElement>('.signal-card')].find((article) =>
      textOf(article.querySelector('h2, h3')).startsWith(`Participant ${code}`),
    ),
    `signal of ${code}`,
  );

const paragraphs = (element: Element | null) => [...(element?.querySelectorAll('p') ?? [])].map(textOf);

/** A card's facts as { term: description }. */
const facts = (article: Element) =>
  Object.fromEntries(
    [...article.querySelectorAll('dl > div')].map((row) => [
      textOf(row.querySelector('dt')),
      textOf(row.querySelector('dd')),
    ]),
  );

describe('NeedsAttentionPanel', () => {
  it('lists the open signals with code, study, the neutral labels, when and whether escalated, and counts them', async () => {
    mockFetch({ [HOME]: json(200, signalPage([openSignal, escalatedSignal], 2, 5)) });
    const container = await renderPanel();

    expect(textOf(container.querySelector('h2'))).toBe('Needs attention');
    expect(textOf(container.querySelector('[role="status"]'))).toBe('2 signals need attention.');
    const first = card(container, 'KLIK-0042');
    expect(facts(first)).toEqual({
      Study: 'Alliance and disclosure in outpatient care',
      Raised: at(openSignal.createdAt),
      Questionnaire: 'PHQ-9 1.0.0',
      Escalated: 'No',
      Status: 'Open',
    });
    expect([...first.querySelectorAll('.signal-items li')].map(textOf)).toEqual([
      'PHQ-9 item 9: thoughts of death or self-harm (at least "several days")',
    ]);
    // No answer value beyond the API's label: the stored value (3) is not shown.
    expect(textOf(first)).not.toMatch(/\b3\b|nearly every day/i);
    const escalated = card(container, 'KLIK-0007');
    expect(textOf(escalated.querySelector('h3'))).toBe('Participant KLIK-0007 has withdrawn');
    expect(facts(escalated).Escalated).toBe(
      `Yes, to the safety contact and the admins, on ${at('2026-03-01T08:00:00.000Z')}`,
    );
    expect(present(container.querySelector('a')).getAttribute('href')).toBe('/needs-attention');
  });

  it('acknowledges a signal with a note on what was done, and says so politely', async () => {
    const acknowledged = {
      ...openSignal,
      status: 'acknowledged' as const,
      acknowledgedBy: { id: 'u-1', displayName: 'Dana de Vries' },
      acknowledgedAt: '2026-03-02T10:00:00.000Z',
      note: 'Called the client; appointment tomorrow.',
    };
    const { requests } = mockFetch({
      [HOME]: json(200, signalPage([openSignal], 1, 5)),
      'POST /api/safety-signals/sig-1/acknowledge?language=en': json(200, acknowledged),
    });
    const container = await renderPanel();
    const signal = card(container, 'KLIK-0042');

    // A note is required: nothing is sent without one.
    await click(getButton(signal, 'Acknowledge'));
    await settle();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    const note = getByLabelText<HTMLTextAreaElement>(signal, 'What was done for KLIK-0042');
    expect(describedErrors(note)).toEqual(['Write what was done.']);
    expect(document.activeElement).toBe(note);

    await changeValue(note, '  Called the client; appointment tomorrow. ');
    await click(getButton(signal, 'Acknowledge'));
    await settle();

    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      note: 'Called the client; appointment tomorrow.',
    });
    const done = card(container, 'KLIK-0042');
    expect(done.querySelector('form')).toBeNull();
    expect(paragraphs(done.querySelector('.signal-ack-info'))).toEqual([
      `Acknowledged by Dana de Vries on ${at(acknowledged.acknowledgedAt)}`,
      'Called the client; appointment tomorrow.',
    ]);
    expect(paragraphs(container.querySelector('[role="status"]'))).toEqual([
      'Nothing needs attention right now.',
      'The signal about KLIK-0042 is acknowledged.',
    ]);
  });

  it('reloads the list when someone else acknowledged the signal first', async () => {
    mockFetch({
      [HOME]: [json(200, signalPage([openSignal], 1, 5)), json(200, signalPage([], 0, 5))],
      'POST /api/safety-signals/sig-1/acknowledge?language=en': json(409, {
        statusCode: 409,
        code: 'already_acknowledged',
        message: 'This signal was already acknowledged',
      }),
    });
    const container = await renderPanel();
    const signal = card(container, 'KLIK-0042');
    await changeValue(getByLabelText<HTMLTextAreaElement>(signal, 'What was done for KLIK-0042'), 'Called.');
    await click(getButton(signal, 'Acknowledge'));

    await waitFor(() =>
      expect(paragraphs(container.querySelector('[role="status"]'))).toEqual([
        'Nothing needs attention right now.',
        'Someone else already acknowledged the signal about KLIK-0042; the list is up to date again.',
      ]),
    );
    expect(container.querySelector('.signal-card')).toBeNull();
  });

  it('says when nothing needs attention, and offers a retry when the list fails', async () => {
    mockFetch({
      [HOME]: [
        json(500, { statusCode: 500, code: 'internal_error', message: 'Something went wrong on our side.' }),
        json(200, signalPage([], 0, 5)),
      ],
    });
    const container = await renderPanel();
    expect(textOf(container.querySelector('[role="alert"]'))).toContain(
      'The signals could not be loaded. Something went wrong on our side.',
    );
    await click(getButton(container, 'Try again'));
    await settle();
    expect(textOf(container.querySelector('[role="status"]'))).toBe('Nothing needs attention right now.');
    expect(container.querySelector('.needs-attention-urgent')).toBeNull();
  });

  it('speaks Dutch and asks for Dutch labels', async () => {
    const { requests } = mockFetch({
      'GET /api/safety-signals?status=open&language=nl&limit=5&offset=0': json(
        200,
        signalPage([openSignal], 1, 5),
      ),
    });
    const container = await renderPanel('nl');
    expect(requests[0]?.url).toContain('language=nl');
    expect(textOf(container.querySelector('h2'))).toBe('Aandacht nodig');
    expect(textOf(container.querySelector('[role="status"]'))).toBe('1 signaal vraagt om aandacht.');
    expect(getByLabelText(container, 'Wat er is gedaan voor KLIK-0042')).toBeTruthy();
    expect(getButton(container, 'Bevestigen')).toBeTruthy();
  });
});

describe('NeedsAttentionPage', () => {
  it('filters by status and study through the address, and pages 20 at a time', async () => {
    window.history.replaceState(null, '', '/needs-attention');
    const { requests } = mockFetch({
      'GET /api/studies': json(200, { items: studies }),
      'GET /api/safety-signals?status=open&language=en&limit=20&offset=0': json(
        200,
        signalPage([openSignal], 1),
      ),
      'GET /api/safety-signals?status=acknowledged&language=en&limit=20&offset=0': json(
        200,
        signalPage([acknowledgedSignal], 41),
      ),
      'GET /api/safety-signals?status=acknowledged&language=en&limit=20&offset=0&studyId=s-2': json(
        200,
        signalPage([acknowledgedSignal], 41),
      ),
      'GET /api/safety-signals?status=acknowledged&language=en&limit=20&offset=20&studyId=s-2': json(
        200,
        signalPage([acknowledgedSignal], 41, 20, 20),
      ),
    });
    const container = await render(<PageHarness />);
    await settle();

    expect(textOf(container.querySelector('h1'))).toBe('Needs attention');
    expect(textOf(container.querySelector('[role="status"]'))).toBe('1 signal needs attention.');
    const study = getByLabelText<HTMLSelectElement>(container, 'Study');
    // Study titles in the interface language, else the study's first.
    expect([...study.options].map((option) => option.text)).toEqual([
      'All studies',
      'Alliance and disclosure in outpatient care',
      'Pilot: check-in-vragenlijst',
    ]);

    await changeValue(getByLabelText<HTMLSelectElement>(container, 'Show'), 'acknowledged');
    await settle();
    expect(window.location.search).toBe('?status=acknowledged');
    await changeValue(study, 's-2');
    await settle();
    expect(window.location.search).toBe('?status=acknowledged&studyId=s-2');
    expect(textOf(container.querySelector('[role="status"]'))).toBe('41 acknowledged signals.');
    expect(textOf(card(container, 'KLIK-0003').querySelector('.signal-note'))).toBe(
      'Called the client; appointment tomorrow.',
    );

    await click(getButton(container, 'Next'));
    await settle();
    expect(window.location.search).toBe('?status=acknowledged&studyId=s-2&offset=20');
    expect(textOf(container.querySelector('.needs-attention-page > p.muted'))).toBe('21–21 of 41');
    expect(requests.at(-1)?.url).toBe(
      '/api/safety-signals?status=acknowledged&language=en&limit=20&offset=20&studyId=s-2',
    );
    window.history.replaceState(null, '', '/');
  });

  it('says so when a filter finds nothing', async () => {
    window.history.replaceState(null, '', '/needs-attention?status=all');
    mockFetch({
      'GET /api/studies': json(200, { items: studies }),
      'GET /api/safety-signals?status=all&language=en&limit=20&offset=0': json(200, signalPage([], 0)),
    });
    const container = await render(<PageHarness />);
    await settle();
    expect(textOf(container.querySelector('.empty'))).toBe('No signals yet.');
    expect(textOf(container.querySelector('[role="status"]'))).toBe('0 signals in all.');
    window.history.replaceState(null, '', '/');
  });
});

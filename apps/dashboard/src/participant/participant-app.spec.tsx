import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderBare, textOf, waitFor } from '../test/render';
import { createTakeApi } from './api/take-api';
import type { TakeState } from './api/take-types';
import { ParticipantApp } from './participant-app';
import { button, chooseRadio, findButton, json, mockTakeServer, stubLayoutApis } from './testing/take-dom';
import { OUTBOX_STORAGE_KEY } from './journey/progress-outbox';
import { progressScope } from './journey/take-state';
import { takeState } from './testing/take-fixtures';

const STATE = 'GET /api/take/state';

// SurveyJS renders slowly under jsdom (seconds per page on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

async function open(initialLanguage: 'nl' | 'en' = 'en', saveDebounceMs?: number) {
  return renderBare(
    <ParticipantApp
      api={createTakeApi()}
      initialLanguage={initialLanguage}
      saveDebounceMs={saveDebounceMs}
    />,
  );
}

const heading = (container: HTMLElement) => textOf(container.querySelector('h1'));

async function waitForHeading(container: HTMLElement, text: string) {
  await waitFor(() => expect(heading(container)).toBe(text), 15_000);
}

async function press(container: HTMLElement, text: string) {
  const target = button(container, text);
  await act(async () => target.click());
}

const questionTitles = (container: HTMLElement) =>
  [...container.querySelectorAll('.sd-question__title .sv-string-viewer')].map((title) => textOf(title));

const checkedValue = (container: HTMLElement, question: string) =>
  container.querySelector<HTMLInputElement>(`[data-name="${question}"] input[type="radio"]:checked`)?.value;

beforeEach(() => {
  stubLayoutApis();
  sessionStorage.clear();
});

describe('ParticipantApp: a link that does not open', () => {
  it('shows one calm page in both languages, with what to do, when the state is 401', async () => {
    mockTakeServer({ [STATE]: json(401, { code: 'take_unavailable' }) });

    const container = await open('nl');

    await waitForHeading(container, 'Deze link werkt niet (meer)');
    const english = container.querySelector('section[lang="en"]');
    expect(textOf(english?.querySelector('h2') ?? null)).toBe('This link is not available (any more)');
    expect(textOf(english)).toContain('Please contact your practitioner');
    expect(textOf(container.querySelector('section[lang="nl"]'))).toContain(
      'Neem dan contact op met je behandelaar',
    );
    expect(document.activeElement).toBe(container.querySelector('h1'));
    // Nothing to stop and nothing to switch: there is no session.
    expect(findButton(container, 'Stop taking part')).toBeUndefined();
    expect(container.querySelector('.sd-root-modern')).toBeNull();
  });

  it('tells a failed load apart from a closed link, and loads again on request', async () => {
    const server = mockTakeServer({ [STATE]: [new TypeError('Failed to fetch'), json(200, takeState())] });

    const container = await open();
    await waitForHeading(container, 'Something went wrong');
    await press(container, 'Try again');

    await waitForHeading(container, 'Mood');
    expect(server.to('GET', '/api/take/state')).toHaveLength(2);
  });
});

describe('ParticipantApp: consent', () => {
  const consentState = takeState({ status: 'consent_required', language: 'nl' });

  it('shows the study and the consent text in the chosen language, then the first questionnaire after "agree"', async () => {
    const server = mockTakeServer({
      [STATE]: json(200, consentState),
      'POST /api/take/consent': json(200, takeState({ language: 'nl' })),
    });

    const container = await open('en');
    await waitForHeading(container, 'Klik demo study');
    // The server's language wins over the browser's, and this device remembers it.
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem('klik.language')).toBe('nl');
    expect(textOf(container.querySelector('.take-consent-text'))).toBe('Je doet vrijwillig mee.');
    expect(findButton(container, 'Stoppen met meedoen')).toBeDefined();

    await press(container, 'Ik doe mee');

    await waitForHeading(container, 'Stemming');
    expect(server.to('POST', '/api/take/consent')[0]?.body).toEqual({
      decision: 'given',
      consentVersion: 3,
      language: 'nl',
    });
    expect(questionTitles(container)).toEqual(['Somber voelen']);
  });

  it('ends politely after "I do not agree", with no way to go on', async () => {
    const server = mockTakeServer({
      [STATE]: json(200, { ...consentState, language: 'en' }),
      'POST /api/take/consent': json(200, { status: 'declined' }),
    });

    const container = await open();
    await waitForHeading(container, 'Klik demo study');
    await press(container, 'I do not agree');

    await waitForHeading(container, 'Thank you for your time');
    expect(server.to('POST', '/api/take/consent')[0]?.body).toMatchObject({ decision: 'declined' });
    expect(findButton(container, 'Stop taking part')).toBeUndefined();
    expect(container.querySelector('.sd-root-modern')).toBeNull();
  });
});

describe('ParticipantApp: questionnaires', () => {
  it('resumes the instrument left halfway on its saved page, with the saved answers', async () => {
    mockTakeServer({
      [STATE]: json(200, takeState({ progress: { alpha: { answers: { a1: 1 }, pageIndex: 1 } } })),
    });

    const container = await open();
    await waitForHeading(container, 'Mood');
    expect(questionTitles(container)).toEqual(['Feeling tired']);

    await press(container, 'Previous');
    await waitFor(() => expect(questionTitles(container)).toEqual(['Feeling down']));
    expect(checkedValue(container, 'a1')).toBe('1');
  });

  it('resumes at the next instrument when the first was saved as finished', async () => {
    mockTakeServer({
      [STATE]: json(200, takeState({ progress: { alpha: { answers: { a1: 1, a2: 0 }, pageIndex: 2 } } })),
    });

    const container = await open();
    await waitForHeading(container, 'Worry');
    expect(textOf(container.querySelector('.take-progress'))).toBe('Baseline · Questionnaire 2 of 2');
    expect(questionTitles(container)).toEqual(['Worrying']);
  });

  it('saves at once after a page change, shows it quietly, and moves focus to the heading', async () => {
    const server = mockTakeServer({
      [STATE]: json(200, takeState()),
      'PUT /api/take/progress': json(200, { savedAt: '2026-11-29T05:00:00.000Z' }),
    });

    const container = await open();
    await waitForHeading(container, 'Mood');
    await chooseRadio(container, 'a1', 'Often');
    await press(container, 'Next');

    await waitFor(() => expect(server.to('PUT', '/api/take/progress')).toHaveLength(1));
    expect(server.to('PUT', '/api/take/progress')[0]?.body).toEqual({
      instrumentId: 'alpha',
      language: 'en',
      pageIndex: 1,
      answers: { a1: 1 },
      sequence: expect.any(Number),
    });
    await waitFor(() =>
      expect(textOf(container.querySelector('.take-save-status'))).toBe('Your answers are saved.'),
    );
    // Saving is not announced after every tap: the live region speaks only about the connection.
    expect(textOf(container.querySelector('[role="status"][aria-live="polite"]'))).toBe('');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    expect(questionTitles(container)).toEqual(['Feeling tired']);
  });

  it('switches language on the spot, keeping the answers and the page, and remembers the switch', async () => {
    const server = mockTakeServer({
      [STATE]: json(200, takeState()),
      'POST /api/take/language': new Response(null, { status: 204 }),
      'PUT /api/take/progress': json(200, { savedAt: '2026-11-29T05:00:00.000Z' }),
    });

    const container = await open();
    await waitForHeading(container, 'Mood');
    await chooseRadio(container, 'a1', 'Often');

    await press(container, 'Nederlands');

    await waitForHeading(container, 'Stemming');
    expect(server.to('POST', '/api/take/language')[0]?.body).toEqual({ language: 'nl' });
    expect(document.documentElement.lang).toBe('nl');
    expect(questionTitles(container)).toEqual(['Somber voelen']);
    expect(checkedValue(container, 'a1')).toBe('1');
    expect(textOf(container.querySelector('.take-progress'))).toBe('Begin · Vragenlijst 1 van 2');
    expect(button(container, 'Nederlands').getAttribute('aria-pressed')).toBe('true');

    await press(container, 'Volgende');
    await waitFor(() =>
      expect(server.to('PUT', '/api/take/progress')[0]?.body).toMatchObject({
        language: 'nl',
        answers: { a1: 1 },
      }),
    );
  });

  it('shows the "not available" page when the session ends while saving', async () => {
    mockTakeServer({
      [STATE]: json(200, takeState()),
      'PUT /api/take/progress': json(401, { code: 'take_unavailable' }),
    });

    const container = await open();
    await waitForHeading(container, 'Mood');
    await chooseRadio(container, 'a1', 'Not at all');
    await press(container, 'Next');

    await waitForHeading(container, 'This link is not available (any more)');
  });
});

describe('ParticipantApp: no answer is lost', () => {
  const SAVED = json(200, { savedAt: '2026-11-29T05:00:00.000Z', stale: [] });
  let online = true;

  beforeEach(() => {
    online = true;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  });

  it('saves each answer shortly after it is given, without a page turn', async () => {
    const server = mockTakeServer({ [STATE]: json(200, takeState()), 'PUT /api/take/progress': SAVED });
    const container = await open('en', 50);
    await waitForHeading(container, 'Mood');

    await chooseRadio(container, 'a1', 'Often');

    await waitFor(() => expect(server.to('PUT', '/api/take/progress')).toHaveLength(1), 5_000);
    expect(server.to('PUT', '/api/take/progress')[0]?.body).toMatchObject({
      instrumentId: 'alpha',
      pageIndex: 0,
      answers: { a1: 1 },
    });
    await waitFor(() =>
      expect(textOf(container.querySelector('.take-save-status'))).toBe('Your answers are saved.'),
    );
    expect(sessionStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  });

  it('keeps answers offline, says so politely, and sends them once when the connection is back', async () => {
    const server = mockTakeServer({ [STATE]: json(200, takeState()), 'PUT /api/take/progress': SAVED });
    const container = await open('en', 50);
    await waitForHeading(container, 'Mood');
    const notice = () =>
      textOf(container.querySelector('.take-connection[role="status"][aria-live="polite"]'));

    online = false;
    await act(async () => void globalThis.dispatchEvent(new Event('offline')));
    await chooseRadio(container, 'a1', 'Often');
    await waitFor(() =>
      expect(notice()).toBe(
        'You are offline. Your answers are kept and will be sent as soon as there is a connection again.',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.to('PUT', '/api/take/progress')).toHaveLength(0);
    expect(JSON.parse(sessionStorage.getItem(OUTBOX_STORAGE_KEY) ?? '{}').entries).toMatchObject([
      { instrumentId: 'alpha', answers: { a1: 1 } },
    ]);

    online = true;
    await act(async () => void globalThis.dispatchEvent(new Event('online')));
    await waitFor(() => expect(notice()).toBe('The connection is back. Your answers are saved.'), 5_000);
    expect(server.to('PUT', '/api/take/progress').map((request) => request.body)).toMatchObject([
      { instrumentId: 'alpha', answers: { a1: 1 } },
    ]);
    expect(sessionStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  });

  it('brings back answers kept in this tab before a reload, and sends them', async () => {
    const state = takeState({ progress: { alpha: { answers: { a1: 0 }, pageIndex: 0 } } });
    sessionStorage.setItem(
      OUTBOX_STORAGE_KEY,
      JSON.stringify({
        scope: progressScope(state),
        entries: [{ instrumentId: 'alpha', language: 'en', pageIndex: 1, answers: { a1: 1 }, sequence: 5 }],
      }),
    );
    const server = mockTakeServer({ [STATE]: json(200, state), 'PUT /api/take/progress': SAVED });

    const container = await open();
    await waitForHeading(container, 'Mood');
    // The kept page and answer win over the server's older ones.
    expect(questionTitles(container)).toEqual(['Feeling tired']);
    await waitFor(() =>
      expect(server.to('PUT', '/api/take/progress')[0]?.body).toMatchObject({
        pageIndex: 1,
        answers: { a1: 1 },
      }),
    );
    await press(container, 'Previous');
    await waitFor(() => expect(checkedValue(container, 'a1')).toBe('1'));
  });

  it('holds the answers and asks for renewed consent when a save is refused for it', async () => {
    const renewal = takeState({
      status: 'consent_required',
      consent: { version: 4, text: { en: 'New text.' }, renewal: true, previousVersion: 3 },
    });
    const server = mockTakeServer({
      [STATE]: [json(200, takeState()), json(200, renewal)],
      'PUT /api/take/progress': json(409, { code: 'consent_renewal_required' }),
    });
    const container = await open('en', 50);
    await waitForHeading(container, 'Mood');
    await chooseRadio(container, 'a1', 'Often');

    await waitForHeading(container, 'The information about this study has changed');
    expect(server.to('PUT', '/api/take/progress')).toHaveLength(1);
    expect(JSON.parse(sessionStorage.getItem(OUTBOX_STORAGE_KEY) ?? '{}').entries).toMatchObject([
      { answers: { a1: 1 } },
    ]);
  });
});

describe('ParticipantApp: submission', () => {
  const lastStep: TakeState = takeState({ progress: { alpha: { answers: { a1: 1, a2: 0 }, pageIndex: 2 } } });

  it('after a network error tries again by itself with the same idempotency key, then thanks', async () => {
    let releaseSave = () => undefined as void;
    const saveHeld = new Promise<void>((resolve) => (releaseSave = resolve));
    const server = mockTakeServer({
      [STATE]: json(200, lastStep),
      'PUT /api/take/progress': async () => {
        await saveHeld;
        return json(200, { savedAt: '2026-11-29T05:00:00.000Z' });
      },
      'POST /api/take/submit': [
        new TypeError('Failed to fetch'),
        json(201, { status: 'completed', submittedAt: '2026-11-29T05:01:00.000Z' }),
      ],
    });

    const container = await open();
    await waitForHeading(container, 'Worry');
    await chooseRadio(container, 'b1', 'Always');
    await press(container, 'Send my answers');

    // The last save goes first: a save arriving after the submission would be refused.
    await waitFor(() => expect(server.to('PUT', '/api/take/progress')).toHaveLength(1));
    expect(heading(container)).toBe('Sending your answers…');
    expect(server.to('POST', '/api/take/submit')).toHaveLength(0);
    releaseSave();

    // Not through on the way: the page says it sends them once there is a connection, and tries again by itself.
    await waitFor(
      () => expect(textOf(container.querySelector('main'))).toContain('Please keep this page open'),
      15_000,
    );
    const stored = JSON.parse(sessionStorage.getItem('klik.take.pendingSubmission') ?? 'null') as {
      idempotencyKey: string;
    };
    expect(stored.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    await waitForHeading(container, 'Thank you!');
    const submits = server.to('POST', '/api/take/submit');
    expect(submits).toHaveLength(2);
    expect(submits.map((request) => request.headers['Idempotency-Key'])).toEqual([
      stored.idempotencyKey,
      stored.idempotencyKey,
    ]);
    const expectedBody = { language: 'en', responses: { alpha: { a1: 1, a2: 0 }, beta: { b1: 3 } } };
    expect(submits.map((request) => request.body)).toEqual([expectedBody, expectedBody]);
    expect(server.to('PUT', '/api/take/progress')[0]?.body).toEqual({
      instrumentId: 'beta',
      language: 'en',
      pageIndex: 1,
      answers: { b1: 3 },
      sequence: expect.any(Number),
    });
    expect(sessionStorage.getItem('klik.take.pendingSubmission')).toBeNull();
  });

  it('reuses the kept key when the page is reloaded after a failed submission', async () => {
    const done = takeState({
      progress: {
        alpha: { answers: { a1: 1, a2: 0 }, pageIndex: 2 },
        beta: { answers: { b1: 3 }, pageIndex: 1 },
      },
    });
    const kept = { language: 'en', responses: { alpha: { a1: 1, a2: 0 }, beta: { b1: 3 } } };
    sessionStorage.setItem(
      'klik.take.pendingSubmission',
      JSON.stringify({ idempotencyKey: 'kept-key', body: kept }),
    );
    const server = mockTakeServer({
      [STATE]: json(200, done),
      'POST /api/take/submit': json(200, { status: 'completed', submittedAt: '2026-11-29T05:01:00.000Z' }),
    });

    const container = await open();

    await waitForHeading(container, 'Thank you!');
    expect(server.to('POST', '/api/take/submit')[0]?.headers['Idempotency-Key']).toBe('kept-key');
  });

  it('says "done", with the study, when a completed link is opened again', async () => {
    mockTakeServer({ [STATE]: json(200, takeState({ status: 'completed', language: 'nl' })) });
    const container = await open();
    await waitForHeading(container, 'Je hebt deze vragen al beantwoord');
    expect(textOf(container.querySelector('main'))).toContain('Onderzoek: Klik demo study');
    expect(container.querySelector('.sd-root-modern')).toBeNull();
  });
});

describe('ParticipantApp: stopping', () => {
  it('asks first, explains the policy, and closes with what happened', async () => {
    const server = mockTakeServer({
      [STATE]: json(200, takeState({ study: { ...takeState().study, withdrawalPolicy: 'erase_link' } })),
      'POST /api/take/withdraw': json(200, { status: 'withdrawn', policy: 'erase_link' }),
    });

    const container = await open();
    await waitForHeading(container, 'Mood');
    const stopLink = button(container, 'Stop taking part');
    await act(async () => {
      stopLink.focus();
      stopLink.click();
    });

    const dialog = container.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(textOf(dialog)).toContain('we remove the link between you and your answers');
    expect(document.activeElement).toBe(button(container, 'No, go back'));
    expect(container.querySelector('.take-page')?.hasAttribute('inert')).toBe(true);

    await act(async () => {
      dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(stopLink);
    expect(server.to('POST', '/api/take/withdraw')).toHaveLength(0);

    await press(container, 'Stop taking part');
    await press(container, 'Yes, stop taking part');

    await waitForHeading(container, 'You have stopped taking part');
    expect(server.to('POST', '/api/take/withdraw')[0]?.body).toEqual({ confirm: true });
    expect(textOf(container.querySelector('main'))).toContain('Nobody can trace the answers back to you.');
    expect(findButton(container, 'Stop taking part')).toBeUndefined();
  });
});

describe('ParticipantApp: help, renewed consent and the form of address', () => {
  it("shows the study's help text first on the thank-you page, announced, with numbers to tap", async () => {
    const done = takeState({
      progress: {
        alpha: { answers: { a1: 1, a2: 0 }, pageIndex: 2 },
        beta: { answers: { b1: 3 }, pageIndex: 1 },
      },
    });
    mockTakeServer({
      [STATE]: json(200, done),
      'POST /api/take/submit': json(201, {
        status: 'completed',
        submittedAt: '2026-11-29T05:01:00.000Z',
        safetyHelpText:
          'Are you thinking about suicide? Call 113 or 0800-0113 free of charge. In danger: call 112.',
      }),
    });

    const container = await open();
    await waitForHeading(container, 'Thank you!');
    const help = container.querySelector('[role="alert"]');
    expect(textOf(help?.querySelector('h2') ?? null)).toBe('Would you like help or someone to talk to?');
    const links = [...(help?.querySelectorAll('a') ?? [])].map((link) => [
      textOf(link),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['113', 'tel:113'],
      ['0800-0113', 'tel:08000113'],
      ['112', 'tel:112'],
    ]);
  });

  it('keeps the help text on a completed link opened again', async () => {
    mockTakeServer({
      [STATE]: json(200, takeState({ status: 'completed', safetyHelpText: 'Call 113.' })),
    });
    const container = await open();
    await waitForHeading(container, 'You have already answered these questions');
    expect(textOf(container.querySelector('[role="alert"] a'))).toBe('113');
  });

  it("asks again after the consent text changed; declining stops under the study's policy", async () => {
    const renewal = takeState({
      status: 'consent_required',
      consent: {
        version: 4,
        text: { en: 'Your answers are also used later.' },
        renewal: true,
        previousVersion: 3,
      },
      study: { ...takeState().study, withdrawalPolicy: 'erase_link' },
    });
    const server = mockTakeServer({
      [STATE]: json(200, renewal),
      'POST /api/take/consent': json(200, {
        status: 'withdrawn',
        policy: 'erase_link',
        reason: 'consent_declined',
      }),
    });

    const container = await open();
    await waitForHeading(container, 'The information about this study has changed');
    expect(textOf(container.querySelector('.take-consent-text'))).toBe('Your answers are also used later.');
    expect(textOf(container.querySelector('main'))).toContain(
      'we remove the link between you and your answers',
    );
    expect(findButton(container, 'I agree (again)')).toBeDefined();

    await press(container, 'I stop taking part in the study');

    await waitForHeading(container, 'You have stopped taking part');
    expect(server.to('POST', '/api/take/consent')[0]?.body).toEqual({
      decision: 'declined',
      consentVersion: 4,
      language: 'en',
    });
    expect(textOf(container.querySelector('main'))).toContain('Nobody can trace the answers back to you.');
  });

  it('speaks Dutch with "u" when the study says so, SurveyJS\'s own strings included', async () => {
    const formal = takeState({ language: 'nl', study: { ...takeState().study, formOfAddress: 'u' } });
    mockTakeServer({ [STATE]: json(200, { ...formal, status: 'consent_required' }) });

    const container = await open('nl');
    await waitForHeading(container, 'Klik demo study');
    expect(textOf(container.querySelector('#consent-question'))).toBe('Wilt u meedoen?');
    expect(textOf(container.querySelector('.participant-note'))).toBe(
      'Uw antwoorden worden opgeslagen onder een code, niet onder uw naam.',
    );
    expect(localStorage.getItem('klik.take.formOfAddress')).toBe('u');
  });

  it("shows SurveyJS's required message in the study's Dutch", async () => {
    mockTakeServer({ [STATE]: json(200, takeState({ language: 'nl' })) });
    const container = await open('nl');
    await waitForHeading(container, 'Stemming');
    await press(container, 'Volgende');
    await waitFor(() =>
      expect(textOf(container.querySelector('.sd-question__erbox'))).toBe(
        'Beantwoord deze vraag om verder te gaan.',
      ),
    );
  });
});

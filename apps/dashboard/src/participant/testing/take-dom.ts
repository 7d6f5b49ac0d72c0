import { act } from 'react';
import { vi } from 'vitest';

/** survey-react-ui measures its layout: jsdom has neither ResizeObserver nor matchMedia (nor scrollTo, nor CSS.escape). */
export function stubLayoutApis(): void {
  vi.stubGlobal('scrollTo', () => undefined);
  const ignore = () => undefined;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe = ignore;
      unobserve = ignore;
      disconnect = ignore;
    },
  );
  // SurveyJS focuses the first unanswered question with CSS.escape, which jsdom lacks.
  if (typeof globalThis.CSS?.escape !== 'function')
    vi.stubGlobal('CSS', { ...globalThis.CSS, escape: (value: string) => value.replace(/[^\w-]/g, '\\$&') });
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: ignore,
    removeListener: ignore,
    addEventListener: ignore,
    removeEventListener: ignore,
    dispatchEvent: () => false,
  }));
}

export interface TakeRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

type Reply = Response | Error | (() => Response | Error | Promise<Response | Error>);

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Replaces fetch with a server that answers `"METHOD /path"` from lists (one reply per call; the last repeats;
 * an Error is a network failure) and records every request with its headers. Any other request fails the test.
 */
export function mockTakeServer(routes: Record<string, Reply | Reply[]>) {
  const requests: TakeRequest[] = [];
  const queues = new Map(
    Object.entries(routes).map(([route, reply]) => [route, Array.isArray(reply) ? [...reply] : [reply]]),
  );
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method, path, body, headers: { ...(init?.headers as Record<string, string>) } });
    const queue = queues.get(`${method} ${path}`);
    if (!queue?.length) throw new Error(`Unexpected request ${method} ${path}`);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    const reply = typeof next === 'function' ? await next() : next;
    if (reply instanceof Error) throw reply;
    if (!reply) throw new Error(`No reply for ${method} ${path}`);
    return reply.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    to: (method: string, path: string) =>
      requests.filter((request) => request.method === method && request.path === path),
  };
}

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A button (or SurveyJS input button) whose visible text or value is exactly `text`. */
export function findButton(scope: ParentNode, text: string): HTMLElement | undefined {
  return [...scope.querySelectorAll<HTMLElement>('button, input[type="button"], input[type="submit"]')].find(
    (candidate) =>
      normalise(candidate instanceof HTMLInputElement ? candidate.value : candidate.textContent) === text ||
      normalise(candidate.getAttribute('title')) === text,
  );
}

export function button(scope: ParentNode, text: string): HTMLElement {
  const found = findButton(scope, text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

/** Checks the radio button of a SurveyJS radiogroup whose label reads `label`. */
export async function chooseRadio(scope: ParentNode, questionName: string, label: string): Promise<void> {
  const inputs = [
    ...scope.querySelectorAll<HTMLInputElement>(
      `input[type="radio"][name="${questionName}"], [data-name="${questionName}"] input[type="radio"]`,
    ),
  ];
  const input = inputs.find((candidate) => normalise(candidate.closest('label')?.textContent) === label);
  if (!input)
    throw new Error(`No radio "${label}" in question ${questionName} (found ${inputs.length} radios)`);
  await act(async () => input.click());
}

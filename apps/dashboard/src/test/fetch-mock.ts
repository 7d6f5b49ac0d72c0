import { vi } from 'vitest';

// The only thing these tests replace is fetch: requests go through the real API client.

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Reply = Response | (() => Response | Promise<Response>);

/** A JSON answer; `headers` adds to Content-Type (a 429's Retry-After, for one). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/**
 * Installs a fetch that answers `"METHOD /path"` routes in order (a list is consumed one reply per call)
 * and records every request. An unexpected request fails the test.
 */
export function mockFetch(routes: Record<string, Reply | Reply[]>) {
  const requests: RecordedRequest[] = [];
  const queues = new Map(
    Object.entries(routes).map(([route, reply]) => [route, Array.isArray(reply) ? [...reply] : [reply]]),
  );
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ method, url, body, credentials: init?.credentials });
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const queue = queues.get(`${method} ${url}`);
    if (!queue || queue.length === 0) throw new Error(`Unexpected request ${method} ${url}`);
    // The last reply of a route repeats; earlier ones are used once each.
    const reply = queue.length > 1 ? queue.shift() : queue[0];
    if (!reply) throw new Error(`No reply left for ${method} ${url}`);
    return typeof reply === 'function' ? await reply() : reply.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

/** A reply that waits until the test releases it: for observing loading states. */
export function deferred(response: Response) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    reply: async () => {
      await gate;
      return response;
    },
    release,
  };
}

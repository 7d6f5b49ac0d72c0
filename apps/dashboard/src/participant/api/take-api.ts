import type {
  ConsentBody,
  DeclineResult,
  ProgressBody,
  SubmitBody,
  SubmitResult,
  TakeLanguage,
  TakeState,
  WithdrawResult,
} from './take-types';
import { readJson } from '../../shared/read-json';

// The research app's API client lives in src/api/, which this bundle may not load: this is its small sibling.

/** Codes the page produces itself when no usable error body came back. */
export const NETWORK_ERROR = 'network_error';
const HTTP_ERROR = 'http_error';

/** A failed call: the HTTP status (0 when the server was not reached) and the server's error code. */
export class TakeApiError extends Error {
  override readonly name = 'TakeApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The session is gone or the link no longer opens: the page shows the "not available" message. */
  get isUnavailable(): boolean {
    return this.status === 401;
  }
}

export interface TakeApi {
  state(): Promise<TakeState>;
  consent(body: ConsentBody): Promise<TakeState | DeclineResult>;
  saveProgress(body: ProgressBody): Promise<{ savedAt: string }>;
  submit(body: SubmitBody, idempotencyKey: string): Promise<SubmitResult>;
  withdraw(): Promise<WithdrawResult>;
  setLanguage(language: TakeLanguage): Promise<void>;
}

export interface TakeApiOptions {
  /** Prefix of every path; defaults to the same-origin `/api/take`. */
  baseUrl?: string;
  /** Injected for tests; defaults to the global fetch at call time. */
  fetch?: typeof fetch;
}

function errorCode(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string')
    return body.code;
  return HTTP_ERROR;
}

export function createTakeApi(options: TakeApiOptions = {}): TakeApi {
  const baseUrl = options.baseUrl ?? '/api/take';

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ) {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new TakeApiError(0, NETWORK_ERROR, 'The server could not be reached.');
    }
    const payload = await readJson(response);
    if (!response.ok) {
      throw new TakeApiError(
        response.status,
        errorCode(payload),
        response.statusText || `HTTP ${response.status}`,
      );
    }
    return payload as T;
  }

  return {
    state: () => request<TakeState>('GET', '/state'),
    consent: (body) => request<TakeState | DeclineResult>('POST', '/consent', body),
    saveProgress: (body) => request<{ savedAt: string }>('PUT', '/progress', body),
    submit: (body, idempotencyKey) =>
      request<SubmitResult>('POST', '/submit', body, { 'Idempotency-Key': idempotencyKey }),
    withdraw: () => request<WithdrawResult>('POST', '/withdraw', { confirm: true }),
    setLanguage: async (language) => {
      await request<void>('POST', '/language', { language });
    },
  };
}

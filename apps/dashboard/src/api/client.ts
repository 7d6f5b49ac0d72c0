import { ApiError, CLIENT_ERROR_CODES, apiErrorFromBody, parseRetryAfter } from './api-error';
import type { Credentials, Session, Study, StudyList } from './types';
import { readJson } from '../shared/read-json';

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Typed access to the Klik API. Every method rejects with an ApiError. */
export interface ApiClient {
  login(credentials: Credentials, options?: RequestOptions): Promise<Session>;
  me(options?: RequestOptions): Promise<Session>;
  logout(options?: RequestOptions): Promise<void>;
  switchInstitution(institutionId: string, options?: RequestOptions): Promise<Session>;
  listStudies(options?: RequestOptions): Promise<StudyList>;
  getStudy(studyId: string, options?: RequestOptions): Promise<Study>;
  /**
   * Any JSON call under the API prefix, e.g. `request<CohortList>('GET', `/studies/${id}/cohorts`)`. Features write
   * their typed wrappers on top of it in their own folder.
   */
  request<T>(method: HttpMethod, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** The URL of an API path, for links and downloads the browser fetches itself. */
  url(path: string): string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Prefix of every path; the API serves the dashboard, so the default is same-origin `/api`. */
  baseUrl?: string;
  /** Injected for tests; defaults to the global fetch at call time. */
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api';

  async function request<T>(method: string, path: string, body?: unknown, init?: RequestOptions): Promise<T> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: init?.signal,
      });
    } catch (cause) {
      // An abort is the caller's decision, not a failure to report.
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, CLIENT_ERROR_CODES.network, 'The server could not be reached.');
    }

    const payload = await readJson(response);
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      throw apiErrorFromBody(response.status, response.statusText, payload, retryAfter);
    }
    if (response.status === 204) return undefined as T;
    if (payload === undefined) {
      throw new ApiError(response.status, CLIENT_ERROR_CODES.invalidResponse, 'The server sent no JSON.');
    }
    return payload as T;
  }

  return {
    login: (credentials, init) => request<Session>('POST', '/auth/login', credentials, init),
    me: (init) => request<Session>('GET', '/auth/me', undefined, init),
    logout: (init) => request<void>('POST', '/auth/logout', undefined, init),
    switchInstitution: (institutionId, init) =>
      request<Session>('POST', '/auth/switch-institution', { institutionId }, init),
    listStudies: (init) => request<StudyList>('GET', '/studies', undefined, init),
    getStudy: (studyId, init) =>
      request<Study>('GET', `/studies/${encodeURIComponent(studyId)}`, undefined, init),
    request: (method, path, body, init) => request(method, path, body, init),
    url: (path) => `${baseUrl}${path}`,
  };
}

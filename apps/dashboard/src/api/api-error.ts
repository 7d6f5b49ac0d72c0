import type { FieldError } from './types';

/** Codes the client itself produces when no usable error body came back. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  http: 'http_error',
  invalidResponse: 'invalid_response',
} as const;

/** A failed API call: the server's stable error code, its message and any field errors. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    readonly correlationId?: string,
    /** From a 429's `Retry-After` header: how long to wait, in whole seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Messages for one field, empty when the server named none. */
  messagesFor(field: string): string[] {
    return this.fieldErrors.filter((error) => error.field === field).flatMap((error) => error.messages);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): FieldError[] => {
    if (!isRecord(entry) || typeof entry['field'] !== 'string') return [];
    const messages = Array.isArray(entry['messages'])
      ? entry['messages'].filter((message): message is string => typeof message === 'string')
      : [];
    return [{ field: entry['field'], messages }];
  });
}

/**
 * Seconds to wait from a `Retry-After` header, which is either a number of seconds or an HTTP date
 * (RFC 9110, 10.2.3); undefined when absent or unreadable.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Builds an ApiError from a non-2xx response. Tolerates bodies that are missing fields
 * (429 sends only a code) or are not JSON at all (a proxy's HTML error page).
 */
export function apiErrorFromBody(
  status: number,
  statusText: string,
  body: unknown,
  retryAfterSeconds?: number,
): ApiError {
  if (!isRecord(body)) {
    const message = statusText || `HTTP ${status}`;
    return new ApiError(status, CLIENT_ERROR_CODES.http, message, [], undefined, retryAfterSeconds);
  }
  const code = typeof body['code'] === 'string' ? body['code'] : CLIENT_ERROR_CODES.http;
  const message = typeof body['message'] === 'string' ? body['message'] : statusText || code;
  const correlationId = typeof body['correlationId'] === 'string' ? body['correlationId'] : undefined;
  return new ApiError(
    status,
    code,
    message,
    parseFieldErrors(body['errors']),
    correlationId,
    retryAfterSeconds,
  );
}

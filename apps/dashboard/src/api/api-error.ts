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
 * Builds an ApiError from a non-2xx response. Tolerates bodies that are missing fields
 * (429 sends only a code) or are not JSON at all (a proxy's HTML error page).
 */
export function apiErrorFromBody(status: number, statusText: string, body: unknown): ApiError {
  if (!isRecord(body)) {
    return new ApiError(status, CLIENT_ERROR_CODES.http, statusText || `HTTP ${status}`);
  }
  const code = typeof body['code'] === 'string' ? body['code'] : CLIENT_ERROR_CODES.http;
  const message = typeof body['message'] === 'string' ? body['message'] : statusText || code;
  const correlationId = typeof body['correlationId'] === 'string' ? body['correlationId'] : undefined;
  return new ApiError(status, code, message, parseFieldErrors(body['errors']), correlationId);
}

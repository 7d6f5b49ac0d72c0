import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `validation_failed` with field errors, or `malformed_json`',
  401: 'Not logged in (`unauthenticated`)',
  403: 'Logged in, but the role does not allow this (`forbidden`)',
  404: 'Unknown id, or one that belongs to another institution (`not_found`)',
  409: 'The current state does not allow this (code says why)',
  413: 'Body or upload too large',
  429: 'Too many attempts (`too_many_requests`; `Retry-After` says after how many seconds to try again)',
};

/** Documents the error responses of a route, all with the one error body. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorBodyDto })),
    ApiResponse({ status: 500, description: 'Unexpected error (`internal_error`, with a correlation id)', type: ErrorBodyDto }),
  );
}

import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  /** Dotted path of the offending field (`title`, `timepoints.2.instruments.0.respondent`), or a CSV row/column. */
  field: string;
  messages: string[];
}

/** An error with a stable machine-readable code; the global filter turns it into the JSON error body. */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    /** Extra fields for the error body (e.g. `rows` for a CSV upload). */
    readonly extra?: Record<string, unknown>,
    /** Response headers that belong to the error (e.g. `Retry-After` on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
  }

  static forbidden(message = 'You do not have permission for this action'): AppError {
    return new AppError(HttpStatus.FORBIDDEN, 'forbidden', message);
  }

  static conflict(code: string, message: string): AppError {
    return new AppError(HttpStatus.CONFLICT, code, message);
  }

  static validation(errors: FieldError[], message = 'The request is not valid'): AppError {
    return new AppError(HttpStatus.BAD_REQUEST, 'validation_failed', message, errors);
  }
}

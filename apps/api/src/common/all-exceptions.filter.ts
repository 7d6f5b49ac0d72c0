import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, type FieldError } from './app-error';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
};

/**
 * The single exception filter: every error leaves as `{ statusCode, code, message, errors?, correlationId }`.
 * Unknown errors are logged with their stack under the request's correlation id and answered with a bare 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { correlationId?: string }>();
    const correlationId = request.correlationId;
    const body = this.toBody(exception, request, correlationId);
    if (response.headersSent) return;
    if (exception instanceof AppError && exception.headers) response.set(exception.headers);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request, correlationId?: string) {
    if (exception instanceof AppError) {
      return {
        ...this.body(exception.status, exception.code, exception.message, correlationId, exception.errors),
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload && 'message' in payload && typeof payload.message === 'string'
          ? payload.message
          : exception.message;
      if (status === 400 && (exception.cause instanceof SyntaxError || /in JSON at position|JSON/.test(message))) {
        return this.malformedJson(correlationId);
      }
      if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(message)) {
        return this.body(404, 'route_not_found', `No route ${request.method} ${request.path}`, correlationId);
      }
      return this.body(status, CODES[status] ?? 'error', message, correlationId);
    }
    // Errors raised by Express middleware (body parser, multer) carry a status and a type.
    const candidate = exception as { status?: number; statusCode?: number; type?: string; code?: string; message?: string };
    const status = candidate?.status ?? candidate?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (candidate.type === 'entity.parse.failed') return this.malformedJson(correlationId);
      if (candidate.type === 'entity.too.large') {
        return this.body(413, 'payload_too_large', 'The request body is too large', correlationId);
      }
      if (candidate.type === 'encoding.unsupported' || candidate.type === 'charset.unsupported') {
        return this.body(415, 'unsupported_media_type', 'The request body encoding is not supported', correlationId);
      }
      return this.body(status, CODES[status] ?? 'bad_request', candidate.message ?? 'Bad request', correlationId);
    }
    // Two requests raced past a service's duplicate check; the unique index decided. Same answer as the check.
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string } | undefined)?.code === '23505') {
      return this.body(409, 'conflict', 'This already exists (a simultaneous request created it first)', correlationId);
    }
    this.logger.error(
      `Unhandled error on ${request.method} ${request.originalUrl} [${correlationId ?? '-'}]`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return this.body(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'internal_error',
      'Something went wrong on our side. Quote the correlation id when reporting it.',
      correlationId,
    );
  }

  private malformedJson(correlationId?: string) {
    const message = 'The request body is not valid JSON (an object is expected)';
    return this.body(400, 'malformed_json', message, correlationId, [{ field: 'body', messages: [message] }]);
  }

  private body(statusCode: number, code: string, message: string, correlationId?: string, errors?: FieldError[]) {
    return { statusCode, code, message, ...(errors ? { errors } : {}), ...(correlationId ? { correlationId } : {}) };
  }
}

import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTED = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives each request a correlation id (or keeps a well-formed incoming X-Request-Id) and echoes it back. */
export function correlationId(request: Request & { correlationId?: string }, response: Response, next: NextFunction) {
  const incoming = request.header('x-request-id');
  request.correlationId = incoming && ACCEPTED.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.correlationId);
  next();
}

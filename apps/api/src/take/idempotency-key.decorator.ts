import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../common/app-error';

/** Injects the Idempotency-Key header of a submission: required, 8–100 letters, digits, - or _ (else a 400). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(value)) {
    throw AppError.validation([
      {
        field: 'Idempotency-Key',
        messages: ['the Idempotency-Key header must be 8–100 letters, digits, - or _'],
      },
    ]);
  }
  return value;
});

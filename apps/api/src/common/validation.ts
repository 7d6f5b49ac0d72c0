import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, type FieldError } from './app-error';

/** Flattens class-validator's nested errors into dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, messages: Object.values(error.constraints) });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Deeper than any DTO nests; class-transformer and Nest's own key stripping recurse without a limit. */
const MAX_DEPTH = 32;

/**
 * Names of built-in object members (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, …). As keys of a
 * body they are refused: class-transformer silently drops some of them and plain objects inherit the others, so
 * an answer keyed `toString` could be mistaken for a method, or vanish, instead of being reported.
 */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/**
 * The first value PostgreSQL cannot store (a string with a NUL character, which makes the insert fail with a 500)
 * or that nests deeper than any DTO (which overflows the stack in the validation pipe), or a key named like a
 * built-in object member, as a field error.
 */
export function findUnsafeInput(value: unknown, path: string, depth = 0): FieldError | null {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { field: path, messages: [`${path} must not contain NUL characters`] }
      : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { field: path, messages: [`${path} is nested too deeply`] };
  for (const [key, child] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return { field, messages: ['field names must not contain NUL characters'] };
    if (OBJECT_MEMBER_NAMES.has(key)) {
      return { field, messages: [`${key} is not an allowed field name (it names a built-in object member)`] };
    }
    const found = findUnsafeInput(child, field, depth + 1);
    if (found) return found;
  }
  return null;
}

class KlikValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const unsafe = findUnsafeInput(value, metadata.data ?? '');
      if (unsafe) throw AppError.validation([{ ...unsafe, field: unsafe.field || metadata.type }]);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: strip nothing silently — unknown fields are an error — and convert to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new KlikValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.validation(flattenValidationErrors(errors)),
  });
}

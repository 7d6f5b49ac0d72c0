import { Param, type PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical text form. */
export const isUuid = (value: string): boolean => UUID.test(value);

class UuidOr404 implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}
  transform(value: string): string {
    // A malformed id names no resource: answer exactly as for an unknown one.
    if (!isUuid(value)) throw AppError.notFound(this.what);
    return value.toLowerCase();
  }
}

/** A route parameter holding a UUID; anything else is that resource's 404. */
export const IdParam = (name: string, what: string) => Param(name, new UuidOr404(what));

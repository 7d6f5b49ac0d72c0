import type { PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

/** A query parameter that must be a whole number in [min, max]; absent means the default. */
export class BoundedIntPipe implements PipeTransform<unknown, number> {
  constructor(
    private readonly name: string,
    private readonly fallback: number,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: unknown): number {
    if (value === undefined || value === '') return this.fallback;
    const text = String(value);
    const parsed = Number(text);
    if (!/^-?\d+$/.test(text) || parsed < this.min || parsed > this.max) {
      throw AppError.validation([
        { field: this.name, messages: [`${this.name} must be a whole number from ${this.min} to ${this.max}`] },
      ]);
    }
    return parsed;
  }
}

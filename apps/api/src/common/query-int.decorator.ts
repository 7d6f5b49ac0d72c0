import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * A query DTO field holding a whole number from `min` to `max`; absent or empty means `fallback` (give the field
 * the same initial value, which applies when the parameter is absent). Whatever is wrong (not a number, a
 * fraction, out of range), the one message names the range: "limit must be a whole number from 1 to 1000".
 */
export function QueryInt(options: { fallback: number; min: number; max: number; description?: string }) {
  const { fallback, min, max } = options;
  return applyDecorators(
    ApiPropertyOptional({
      type: Number,
      minimum: min,
      maximum: max,
      default: fallback,
      description: options.description,
    }),
    Transform(({ value }: { value: unknown }) => {
      if (value === undefined || value === '') return fallback;
      return /^-?\d+$/.test(String(value)) ? Number(value) : value;
    }),
    ValidateBy({
      name: 'queryInt',
      validator: {
        validate: (value: unknown) =>
          Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: (args) => `${args?.property} must be a whole number from ${min} to ${max}`,
      },
    }),
  );
}

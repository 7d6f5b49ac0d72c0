import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Klik's languages, as a text input may name them. */
const INPUT_LANGUAGES = ['nl', 'en'] as const;

/**
 * A text a researcher gives for a study: one string, meaning the same text in every language of the study (a name
 * such as "KLIK-2"), or one per language, `{ "nl": "…", "en": "…" }`.
 */
export type TextInput = string | Partial<Record<(typeof INPUT_LANGUAGES)[number], string>>;

function isValidText(value: unknown, maxLength: number, allowEmpty: boolean): boolean {
  return typeof value === 'string' && value.length <= maxLength && (allowEmpty || value.trim().length > 0);
}

/**
 * Validates a {@link TextInput}: a string of at most `maxLength` characters (not blank unless `allowEmpty`), or an
 * object whose only keys are languages, each such a string, with at least one (unless `allowEmpty`).
 */
export function IsTextInput(
  options: { maxLength: number; allowEmpty?: boolean },
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const allowEmpty = options.allowEmpty ?? false;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isTextInput',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be a text of at most ${options.maxLength} characters` +
          `${allowEmpty ? '' : ' (not empty)'}, or one per language: { "nl": "…", "en": "…" }`,
        ...validationOptions,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value === 'string') return isValidText(value, options.maxLength, allowEmpty);
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          if (!allowEmpty && entries.length === 0) return false;
          return entries.every(
            ([key, text]) =>
              (INPUT_LANGUAGES as readonly string[]).includes(key) &&
              isValidText(text, options.maxLength, allowEmpty),
          );
        },
      },
    });
  };
}

import { CLIENT_ERROR_CODES, isApiError } from '../api/api-error';
import type { MessageKey } from '../i18n';

type Translate = (key: MessageKey) => string;

// Codes with a message written for people; any other code shows the API's own message.
const LOCALISED_CODES: Partial<Record<string, MessageKey>> = {
  invalid_credentials: 'error.invalid_credentials',
  too_many_attempts: 'error.too_many_attempts',
  [CLIENT_ERROR_CODES.network]: 'error.network_error',
};

/** The sentence to show for a failed call, in the interface language where we have one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    const key = LOCALISED_CODES[error.code];
    return key ? t(key) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

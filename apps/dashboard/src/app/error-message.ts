import { CLIENT_ERROR_CODES, isApiError, type ApiError } from '../api/api-error';
import type { MessageKey } from '../i18n';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// Codes with a message written for people; any other code shows the API's own message.
const LOCALISED_CODES: Partial<Record<string, MessageKey>> = {
  invalid_credentials: 'error.invalid_credentials',
  too_many_attempts: 'error.too_many_attempts',
  invitation_invalid: 'error.invitation_invalid',
  already_member: 'error.already_member',
  last_admin: 'error.last_admin',
  account_disabled: 'error.account_disabled',
  mail_failed: 'error.mail_failed',
  mail_not_configured: 'error.mail_not_configured',
  study_not_ready: 'error.study_not_ready',
  safety_contact_required: 'error.safety_contact_required',
  safety_help_text_required: 'error.safety_help_text_required',
  study_safety_contact: 'error.study_safety_contact',
  already_acknowledged: 'error.already_acknowledged',
  [CLIENT_ERROR_CODES.network]: 'error.network_error',
};

/**
 * "Too many attempts" with the wait the API asked for (its `Retry-After`), in whole minutes rounded up, so the
 * person never tries again too early; without the header, a general "a few minutes".
 */
export function rateLimitMessage(error: ApiError, t: Translate): string {
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined) return t('error.too_many_attempts');
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1
    ? t('error.tooManyAttempts.oneMinute')
    : t('error.tooManyAttempts.minutes', { count: minutes });
}

/** The sentence to show for a failed call, in the interface language where we have one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    // Every 429 is a rate limit, whatever code a proxy or the API put in the body.
    if (error.status === 429) return rateLimitMessage(error, t);
    const key = LOCALISED_CODES[error.code];
    return key ? t(key) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

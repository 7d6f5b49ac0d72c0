import type { UiLanguage } from '../../shared/language';
import { message, type ParticipantMessageKey } from '../participant-messages';

/** Looks up a participant message in one language. */
export type Translate = (key: ParticipantMessageKey, values?: Record<string, string | number>) => string;

export function translator(language: UiLanguage): Translate {
  return (key, values) => message(language, key, values);
}

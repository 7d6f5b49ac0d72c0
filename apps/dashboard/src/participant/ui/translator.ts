import type { UiLanguage } from '../../shared/language';
import { message, type FormOfAddress, type ParticipantMessageKey } from '../participant-messages';

/** Looks up a participant message in one language (and, in Dutch, the study's form of address). */
export type Translate = (key: ParticipantMessageKey, values?: Record<string, string | number>) => string;

export function translator(language: UiLanguage, address: FormOfAddress = 'je'): Translate {
  return (key, values) => message(language, key, values, address);
}

import type { LocalizedText, TakeLanguage, TakeState } from '../api/take-types';
import { isFormOfAddress, type FormOfAddress } from '../participant-messages';
import { localize } from './resume';

// What the participant page reads from the API's TakeState, each rule in one place.

/** A study text, which the API sends as one string or as one per language. */
export function studyText(text: string | LocalizedText | undefined, language: TakeLanguage): string {
  return typeof text === 'string' ? text : localize(text, language);
}

/** The study's form of address for Dutch texts; "je" when the server does not say. */
export function formOfAddressOf(state: Pick<TakeState, 'study'>): FormOfAddress {
  return isFormOfAddress(state.study.formOfAddress) ? state.study.formOfAddress : 'je';
}

/** Consent was given to an earlier text that has since changed: ask again, as a renewal. */
export function isConsentRenewal(state: Pick<TakeState, 'status' | 'consent'>): boolean {
  if (state.status !== 'consent_required') return false;
  return state.consent.renewal === true || typeof state.consent.previousVersion === 'number';
}

/**
 * Which invitation answers kept in this tab belong to. The state names no invitation, so this is what it does
 * name: the study, the timepoint (and session) and the exact instrument versions.
 */
export function progressScope(state: Pick<TakeState, 'study' | 'timepoint' | 'instruments'>): string {
  const title = studyText(state.study.title, 'nl') || studyText(state.study.title, 'en');
  const instruments = state.instruments
    .map((instrument) => `${instrument.id}@${instrument.version}`)
    .join(',');
  return JSON.stringify([title, state.timepoint.key, state.timepoint.sessionNumber, instruments]);
}

/**
 * The study's help text that a submission result, or the state of a completed link, carries when the answers
 * endorsed a risk item; null when there is none.
 */
export function helpTextOf(carrier: { safetyHelpText?: string | null }): string | null {
  const text = carrier.safetyHelpText?.trim() ?? '';
  return text === '' ? null : text;
}

import { HttpStatus } from '@nestjs/common';
import { AppError, type FieldError } from '../common/app-error';
import type { FormOfAddress, Language } from '../studies/study.entity';

/**
 * The messages of the participant API's errors, in the participant's language and, in Dutch, in the study's form
 * of address (issue 11: nothing English in the Dutch flow). The participant page shows its own text per `code`;
 * these are for anything else that shows the body. Plain language, no "link" in the Dutch (the page says
 * "uitnodiging").
 */
type Wording = { en: string; nl: Record<FormOfAddress, string> };

const same = (nl: string): Record<FormOfAddress, string> => ({ je: nl, u: nl });

export const TAKE_MESSAGES = {
  take_unavailable: {
    en: 'This link is not available (any more)',
    nl: same('Deze uitnodiging is niet (meer) beschikbaar.'),
  },
  timepoint_completed: {
    en: 'These questionnaires were already submitted',
    nl: {
      je: 'Je hebt deze vragenlijsten al ingevuld en verstuurd.',
      u: 'U hebt deze vragenlijsten al ingevuld en verstuurd.',
    },
  },
  consent_required: {
    en: 'Consent is needed before answering',
    nl: {
      je: 'Geef eerst toestemming. Daarna kun je de vragen beantwoorden.',
      u: 'Geef eerst toestemming. Daarna kunt u de vragen beantwoorden.',
    },
  },
  consent_renewal_required: {
    en: 'The consent text has changed: read it and give your consent again before answering more',
    nl: {
      je: 'De tekst over toestemming is veranderd. Lees hem en geef opnieuw toestemming. Daarna kun je verder.',
      u: 'De tekst over toestemming is veranderd. Lees hem en geef opnieuw toestemming. Daarna kunt u verder.',
    },
  },
  consent_outdated: {
    en: 'The consent text has changed; read the new version',
    nl: same('De tekst over toestemming is veranderd. Lees de nieuwe versie.'),
  },
  answers_invalid: {
    en: 'Some answers are not valid',
    nl: same('Sommige antwoorden kloppen niet.'),
  },
  idempotency_conflict: {
    en: 'This Idempotency-Key was used for a different submission',
    nl: same('Deze verzending hoort bij andere antwoorden en is niet opgeslagen.'),
  },
  language_unavailable: {
    en: 'This study is not available in that language',
    nl: same('Dit onderzoek is niet beschikbaar in die taal.'),
  },
} as const satisfies Record<string, Wording>;

export type TakeMessageCode = keyof typeof TAKE_MESSAGES;

/** How a participant is spoken to: their language and the study's form of address. */
export interface Voice {
  language: Language;
  formOfAddress: FormOfAddress;
}

/** English when nothing is known about the participant yet. */
export const DEFAULT_VOICE: Voice = { language: 'en', formOfAddress: 'je' };

export function takeMessage(code: TakeMessageCode, voice: Voice): string {
  const wording: Wording = TAKE_MESSAGES[code];
  return voice.language === 'nl' ? wording.nl[voice.formOfAddress] : wording.en;
}

const STATUS: Record<TakeMessageCode, HttpStatus> = {
  take_unavailable: HttpStatus.UNAUTHORIZED,
  timepoint_completed: HttpStatus.CONFLICT,
  consent_required: HttpStatus.FORBIDDEN,
  consent_renewal_required: HttpStatus.CONFLICT,
  consent_outdated: HttpStatus.CONFLICT,
  answers_invalid: HttpStatus.BAD_REQUEST,
  idempotency_conflict: HttpStatus.UNPROCESSABLE_ENTITY,
  language_unavailable: HttpStatus.BAD_REQUEST,
};

/** An error of the participant API with its message in the participant's words. */
export function takeError(
  code: TakeMessageCode,
  voice: Voice,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): AppError {
  return new AppError(STATUS[code], code, takeMessage(code, voice), errors, extra);
}

/** The language a browser prefers among Klik's (Accept-Language, best first), for errors before a session is known. */
export function preferredLanguage(accepted: readonly string[]): Language {
  for (const tag of accepted) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
}

/** A `take_unavailable` error re-worded for the browser's language; any other error unchanged. */
export function inBrowserLanguage(error: unknown, accepted: readonly string[]): unknown {
  if (!(error instanceof AppError) || error.code !== 'take_unavailable') return error;
  return takeError('take_unavailable', { language: preferredLanguage(accepted), formOfAddress: 'je' });
}

import type { UiLanguage } from '../shared/language';

// The participant pages keep their own strings: importing the research dictionary would pull research code
// into this bundle (scripts/check-bundles.mjs fails the build if that happens). Plain language (B1): short
// sentences, everyday words, "je" in Dutch.

const en = {
  documentTitle: 'Klik questionnaire',
  loading: 'Loading…',
  languageLabel: 'Language',
  siteName: 'Klik questionnaire',
  privacy: 'Your answers are stored under a code, not under your name.',

  unavailableTitle: 'This link is not available (any more)',
  unavailableBody:
    'This can happen when the link is old, when the questions were already answered, or when the link was stopped. You did nothing wrong.',
  unavailableAction:
    'Do you still want to answer the questions? Please contact your practitioner. They can send you a new link.',

  errorTitle: 'Something went wrong',
  errorBody: 'The page could not be loaded. Check your internet connection and try again.',
  tryAgain: 'Try again',

  consentHeading: 'Taking part',
  consentQuestion: 'Do you want to take part?',
  consentAgree: 'I agree',
  consentDecline: 'I do not agree',
  consentSending: 'One moment…',
  consentFailed: 'Your choice could not be sent. Check your internet connection and try again.',

  declinedTitle: 'Thank you for your time',
  declinedBody:
    'You chose not to take part. That is fine. We only noted that you said no. No other information was stored.',
  closePage: 'You can close this page now.',

  progress: 'Questionnaire {current} of {total}',
  nextQuestionnaire: 'Next questionnaire',
  sendAnswers: 'Send my answers',
  saving: 'Saving…',
  saved: 'Your answers are saved.',
  saveFailed: 'Not saved yet. Check your internet connection. We try again when you go on.',

  submitting: 'Sending your answers…',
  submitFailed: 'Your answers could not be sent yet. Check your internet connection and try again.',
  submitRefused: 'Your answers could not be accepted. Please contact your practitioner.',

  thanksTitle: 'Thank you!',
  thanksBody: 'Your answers have been sent. You can close this page now.',

  stopLink: 'Stop taking part',
  stopTitle: 'Do you want to stop taking part?',
  stopPolicy_erase_responses:
    'If you stop, we erase the answers you gave in this study. You will not get any more questions from this study.',
  stopPolicy_erase_link:
    'If you stop, we remove the link between you and your answers. Your answers stay in the study, but nobody can tell they are yours. You will not get any more questions from this study.',
  stopCare: 'Stopping does not change your care or treatment.',
  stopConfirm: 'Yes, stop taking part',
  stopCancel: 'No, go back',
  stopFailed: 'Stopping did not work. Check your internet connection and try again.',

  withdrawnTitle: 'You have stopped taking part',
  withdrawnPolicy_erase_responses: 'We have erased the answers you gave in this study.',
  withdrawnPolicy_erase_link:
    'We have removed the link between you and your answers. Nobody can trace the answers back to you.',
  withdrawnNext:
    'You will not get any more questions from this study. Your care stays the same. Do you have questions? Please contact your practitioner.',
} as const;

export type ParticipantMessageKey = keyof typeof en;

const nl: Record<ParticipantMessageKey, string> = {
  documentTitle: 'Klik-vragenlijst',
  loading: 'Laden…',
  languageLabel: 'Taal',
  siteName: 'Klik-vragenlijst',
  privacy: 'Je antwoorden worden opgeslagen onder een code, niet onder je naam.',

  unavailableTitle: 'Deze link werkt niet (meer)',
  unavailableBody:
    'Dat kan gebeuren als de link oud is, als de vragen al zijn ingevuld of als de link is stopgezet. Je hebt niets fout gedaan.',
  unavailableAction:
    'Wil je de vragen toch invullen? Neem dan contact op met je behandelaar. Die kan je een nieuwe link sturen.',

  errorTitle: 'Er ging iets mis',
  errorBody: 'De pagina kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.',
  tryAgain: 'Opnieuw proberen',

  consentHeading: 'Meedoen',
  consentQuestion: 'Wil je meedoen?',
  consentAgree: 'Ik doe mee',
  consentDecline: 'Ik doe niet mee',
  consentSending: 'Even geduld…',
  consentFailed:
    'Je keuze kon niet worden verstuurd. Controleer je internetverbinding en probeer het opnieuw.',

  declinedTitle: 'Bedankt voor je tijd',
  declinedBody:
    'Je hebt gekozen om niet mee te doen. Dat is goed. We hebben alleen opgeslagen dat je nee hebt gezegd. Verder is niets bewaard.',
  closePage: 'Je kunt deze pagina nu sluiten.',

  progress: 'Vragenlijst {current} van {total}',
  nextQuestionnaire: 'Volgende vragenlijst',
  sendAnswers: 'Antwoorden versturen',
  saving: 'Bezig met opslaan…',
  saved: 'Je antwoorden zijn opgeslagen.',
  saveFailed:
    'Nog niet opgeslagen. Controleer je internetverbinding. We proberen het opnieuw als je verdergaat.',

  submitting: 'Je antwoorden worden verstuurd…',
  submitFailed:
    'Je antwoorden konden nog niet worden verstuurd. Controleer je internetverbinding en probeer het opnieuw.',
  submitRefused: 'Je antwoorden konden niet worden aangenomen. Neem contact op met je behandelaar.',

  thanksTitle: 'Bedankt!',
  thanksBody: 'Je antwoorden zijn verstuurd. Je kunt deze pagina nu sluiten.',

  stopLink: 'Stoppen met meedoen',
  stopTitle: 'Wil je stoppen met meedoen?',
  stopPolicy_erase_responses:
    'Als je stopt, wissen we de antwoorden die je in dit onderzoek hebt gegeven. Je krijgt geen vragen meer van dit onderzoek.',
  stopPolicy_erase_link:
    'Als je stopt, halen we de koppeling tussen jou en je antwoorden weg. Je antwoorden blijven in het onderzoek, maar niemand kan zien dat ze van jou zijn. Je krijgt geen vragen meer van dit onderzoek.',
  stopCare: 'Stoppen verandert niets aan je zorg of behandeling.',
  stopConfirm: 'Ja, ik stop',
  stopCancel: 'Nee, terug',
  stopFailed: 'Stoppen is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.',

  withdrawnTitle: 'Je bent gestopt met meedoen',
  withdrawnPolicy_erase_responses: 'We hebben de antwoorden gewist die je in dit onderzoek hebt gegeven.',
  withdrawnPolicy_erase_link:
    'We hebben de koppeling tussen jou en je antwoorden weggehaald. Niemand kan de antwoorden nog naar jou herleiden.',
  withdrawnNext:
    'Je krijgt geen vragen meer van dit onderzoek. Je zorg blijft hetzelfde. Heb je vragen? Neem dan contact op met je behandelaar.',
};

export const PARTICIPANT_MESSAGES: Record<UiLanguage, Record<ParticipantMessageKey, string>> = { en, nl };

/** The language's own name, shown in the language switch in that language. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { nl: 'Nederlands', en: 'English' };

/** A message with `{name}` placeholders filled in. */
export function message(
  language: UiLanguage,
  key: ParticipantMessageKey,
  values: Record<string, string | number> = {},
): string {
  return PARTICIPANT_MESSAGES[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

import type { UiLanguage } from '../shared/language';

// The participant pages keep their own strings: importing the research dictionary would pull research code
// into this bundle (scripts/check-bundles.mjs fails the build if that happens). Plain language (B1): short
// sentences, everyday words. Dutch comes twice, once per form of address: a study says whether it speaks to
// its participants with "je" or with "u" (`study.formOfAddress`), and every Dutch sentence follows it.

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

  renewalTitle: 'The information about this study has changed',
  renewalIntro:
    'The text about taking part has changed. Please read the new text below. Then you choose again whether you want to take part.',
  renewalHeading: 'The new text',
  renewalQuestion: 'Do you want to keep taking part?',
  renewalAgree: 'I agree (again)',
  renewalDecline: 'I stop taking part in the study',
  renewalStopHeading: 'What stopping means',

  declinedTitle: 'Thank you for your time',
  declinedBody:
    'You chose not to take part. That is fine. We only noted that you said no. No other information was stored.',
  closePage: 'You can close this page now.',

  progress: 'Questionnaire {current} of {total}',
  nextQuestionnaire: 'Next questionnaire',
  sendAnswers: 'Send my answers',
  saving: 'Saving…',
  saved: 'Your answers are saved.',
  saveFailed: 'Not saved yet. We keep trying. Your answers stay on this page.',
  connectionOffline:
    'You are offline. Your answers are kept and will be sent as soon as there is a connection again.',
  connectionBack: 'The connection is back. Your answers are saved.',

  submitting: 'Sending your answers…',
  submitOffline:
    'You are offline. Your answers will be sent as soon as there is a connection again. Please keep this page open.',
  submitFailed:
    'Your answers could not be sent yet. We will try again in a moment. You can also try again yourself now.',
  submitRefused: 'Your answers could not be accepted. Please contact your practitioner.',

  thanksTitle: 'Thank you!',
  thanksBody: 'Your answers have been sent. You can close this page now.',
  helpTitle: 'Would you like help or someone to talk to?',

  doneTitle: 'You have already answered these questions',
  doneStudy: 'Study: {study}',
  doneBody: 'Your answers have arrived. Thank you! There is nothing more to do on this page.',

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

/** How a Dutch text speaks to the participant: informal "je" or formal "u". English has one form. */
export type FormOfAddress = 'je' | 'u';

export const FORMS_OF_ADDRESS: readonly FormOfAddress[] = ['je', 'u'];

export function isFormOfAddress(value: unknown): value is FormOfAddress {
  return value === 'je' || value === 'u';
}

const nlJe: Record<ParticipantMessageKey, string> = {
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

  renewalTitle: 'De informatie over dit onderzoek is veranderd',
  renewalIntro:
    'De tekst over meedoen is veranderd. Lees de nieuwe tekst hieronder. Daarna kies je opnieuw of je wilt meedoen.',
  renewalHeading: 'De nieuwe tekst',
  renewalQuestion: 'Wil je blijven meedoen?',
  renewalAgree: 'Ik stem (opnieuw) in',
  renewalDecline: 'Ik stop met het onderzoek',
  renewalStopHeading: 'Wat stoppen betekent',

  declinedTitle: 'Bedankt voor je tijd',
  declinedBody:
    'Je hebt gekozen om niet mee te doen. Dat is goed. We hebben alleen opgeslagen dat je nee hebt gezegd. Verder is niets bewaard.',
  closePage: 'Je kunt deze pagina nu sluiten.',

  progress: 'Vragenlijst {current} van {total}',
  nextQuestionnaire: 'Volgende vragenlijst',
  sendAnswers: 'Antwoorden versturen',
  saving: 'Bezig met opslaan…',
  saved: 'Je antwoorden zijn opgeslagen.',
  saveFailed: 'Nog niet opgeslagen. We blijven het proberen. Je antwoorden blijven op deze pagina bewaard.',
  connectionOffline:
    'Je bent offline. Je antwoorden worden bewaard en verstuurd zodra er weer verbinding is.',
  connectionBack: 'Er is weer verbinding. Je antwoorden zijn opgeslagen.',

  submitting: 'Je antwoorden worden verstuurd…',
  submitOffline:
    'Je bent offline. Je antwoorden worden verstuurd zodra er weer verbinding is. Laat deze pagina openstaan.',
  submitFailed:
    'Je antwoorden konden nog niet worden verstuurd. We proberen het zo opnieuw. Je kunt het ook nu zelf opnieuw proberen.',
  submitRefused: 'Je antwoorden konden niet worden aangenomen. Neem contact op met je behandelaar.',

  thanksTitle: 'Bedankt!',
  thanksBody: 'Je antwoorden zijn verstuurd. Je kunt deze pagina nu sluiten.',
  helpTitle: 'Wil je hulp of met iemand praten?',

  doneTitle: 'Je hebt deze vragen al beantwoord',
  doneStudy: 'Onderzoek: {study}',
  doneBody: 'Je antwoorden zijn binnengekomen. Bedankt! Je hoeft op deze pagina niets meer te doen.',

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

const nlU: Record<ParticipantMessageKey, string> = {
  documentTitle: 'Klik-vragenlijst',
  loading: 'Laden…',
  languageLabel: 'Taal',
  siteName: 'Klik-vragenlijst',
  privacy: 'Uw antwoorden worden opgeslagen onder een code, niet onder uw naam.',

  unavailableTitle: 'Deze link werkt niet (meer)',
  unavailableBody:
    'Dat kan gebeuren als de link oud is, als de vragen al zijn ingevuld of als de link is stopgezet. U hebt niets fout gedaan.',
  unavailableAction:
    'Wilt u de vragen toch invullen? Neem dan contact op met uw behandelaar. Die kan u een nieuwe link sturen.',

  errorTitle: 'Er ging iets mis',
  errorBody: 'De pagina kon niet worden geladen. Controleer uw internetverbinding en probeer het opnieuw.',
  tryAgain: 'Opnieuw proberen',

  consentHeading: 'Meedoen',
  consentQuestion: 'Wilt u meedoen?',
  consentAgree: 'Ik doe mee',
  consentDecline: 'Ik doe niet mee',
  consentSending: 'Een ogenblik geduld…',
  consentFailed:
    'Uw keuze kon niet worden verstuurd. Controleer uw internetverbinding en probeer het opnieuw.',

  renewalTitle: 'De informatie over dit onderzoek is veranderd',
  renewalIntro:
    'De tekst over meedoen is veranderd. Lees de nieuwe tekst hieronder. Daarna kiest u opnieuw of u wilt meedoen.',
  renewalHeading: 'De nieuwe tekst',
  renewalQuestion: 'Wilt u blijven meedoen?',
  renewalAgree: 'Ik stem (opnieuw) in',
  renewalDecline: 'Ik stop met het onderzoek',
  renewalStopHeading: 'Wat stoppen betekent',

  declinedTitle: 'Bedankt voor uw tijd',
  declinedBody:
    'U hebt gekozen om niet mee te doen. Dat is goed. We hebben alleen opgeslagen dat u nee hebt gezegd. Verder is niets bewaard.',
  closePage: 'U kunt deze pagina nu sluiten.',

  progress: 'Vragenlijst {current} van {total}',
  nextQuestionnaire: 'Volgende vragenlijst',
  sendAnswers: 'Antwoorden versturen',
  saving: 'Bezig met opslaan…',
  saved: 'Uw antwoorden zijn opgeslagen.',
  saveFailed: 'Nog niet opgeslagen. We blijven het proberen. Uw antwoorden blijven op deze pagina bewaard.',
  connectionOffline: 'U bent offline. Uw antwoorden worden bewaard en verstuurd zodra er weer verbinding is.',
  connectionBack: 'Er is weer verbinding. Uw antwoorden zijn opgeslagen.',

  submitting: 'Uw antwoorden worden verstuurd…',
  submitOffline:
    'U bent offline. Uw antwoorden worden verstuurd zodra er weer verbinding is. Laat deze pagina openstaan.',
  submitFailed:
    'Uw antwoorden konden nog niet worden verstuurd. We proberen het zo opnieuw. U kunt het ook nu zelf opnieuw proberen.',
  submitRefused: 'Uw antwoorden konden niet worden aangenomen. Neem contact op met uw behandelaar.',

  thanksTitle: 'Hartelijk dank!',
  thanksBody: 'Uw antwoorden zijn verstuurd. U kunt deze pagina nu sluiten.',
  helpTitle: 'Wilt u hulp of met iemand praten?',

  doneTitle: 'U hebt deze vragen al beantwoord',
  doneStudy: 'Onderzoek: {study}',
  doneBody: 'Uw antwoorden zijn binnengekomen. Hartelijk dank! U hoeft op deze pagina niets meer te doen.',

  stopLink: 'Stoppen met meedoen',
  stopTitle: 'Wilt u stoppen met meedoen?',
  stopPolicy_erase_responses:
    'Als u stopt, wissen we de antwoorden die u in dit onderzoek hebt gegeven. U krijgt geen vragen meer van dit onderzoek.',
  stopPolicy_erase_link:
    'Als u stopt, halen we de koppeling tussen u en uw antwoorden weg. Uw antwoorden blijven in het onderzoek, maar niemand kan zien dat ze van u zijn. U krijgt geen vragen meer van dit onderzoek.',
  stopCare: 'Stoppen verandert niets aan uw zorg of behandeling.',
  stopConfirm: 'Ja, ik stop',
  stopCancel: 'Nee, terug',
  stopFailed: 'Stoppen is niet gelukt. Controleer uw internetverbinding en probeer het opnieuw.',

  withdrawnTitle: 'U bent gestopt met meedoen',
  withdrawnPolicy_erase_responses: 'We hebben de antwoorden gewist die u in dit onderzoek hebt gegeven.',
  withdrawnPolicy_erase_link:
    'We hebben de koppeling tussen u en uw antwoorden weggehaald. Niemand kan de antwoorden nog naar u herleiden.',
  withdrawnNext:
    'U krijgt geen vragen meer van dit onderzoek. Uw zorg blijft hetzelfde. Hebt u vragen? Neem dan contact op met uw behandelaar.',
};

export const PARTICIPANT_MESSAGES: {
  en: Record<ParticipantMessageKey, string>;
  nl: Record<FormOfAddress, Record<ParticipantMessageKey, string>>;
} = { en, nl: { je: nlJe, u: nlU } };

/** The language's own name, shown in the language switch in that language. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { nl: 'Nederlands', en: 'English' };

/** The dictionary for a language and, in Dutch, a form of address. */
export function messagesFor(
  language: UiLanguage,
  address: FormOfAddress = 'je',
): Record<ParticipantMessageKey, string> {
  return language === 'nl' ? PARTICIPANT_MESSAGES.nl[address] : PARTICIPANT_MESSAGES.en;
}

/** A message with `{name}` placeholders filled in. */
export function message(
  language: UiLanguage,
  key: ParticipantMessageKey,
  values: Record<string, string | number> = {},
  address: FormOfAddress = 'je',
): string {
  return messagesFor(language, address)[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

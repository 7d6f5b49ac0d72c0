import { surveyLocalization, type englishStrings } from 'survey-core';
import 'survey-core/i18n/dutch';
import type { FormOfAddress } from '../participant-messages';

// SurveyJS brings its own interface strings (buttons, validation messages, placeholders). Its Dutch set mixes "u"
// and "je", and some are Flemish or machine-translated ("Gelieve minder dan {0} karakters in te vullen"). These are
// the strings a participant can meet with Klik's question types (radiogroup, rating, slider, checkbox, comment)
// and the page navigation, in plain Dutch, once per form of address. Strings for features Klik does not use
// (files, matrices, timers, signatures) stay SurveyJS's own.

type SurveyStrings = Partial<Record<keyof typeof englishStrings, string>>;

const SHARED: SurveyStrings = {
  pagePrevText: 'Vorige',
  pageNextText: 'Volgende',
  completeText: 'Versturen',
  startSurveyText: 'Beginnen',
  placeholder: 'Kies…',
  ratingOptionsCaption: 'Kies een getal…',
  buttongroupOptionsCaption: 'Kies…',
  clearCaption: 'Wissen',
  selectCaption: 'Kiezen',
  otherItemText: 'Anders, namelijk:',
  noneItemText: 'Geen van deze',
  refuseItemText: 'Zeg ik liever niet',
  dontKnowItemText: 'Weet ik niet',
  selectAllItemText: 'Alles kiezen',
  deselectAllItemText: 'Niets kiezen',
  progressText: 'Pagina {0} van {1}',
  indexText: '{0} van {1}',
  questionsProgressText: '{0} van de {1} vragen beantwoord',
  progressbar: 'Voortgang',
  progressbarPage: 'Pagina {0}',
  emptySurvey: 'Deze vragenlijst heeft geen vragen om te tonen.',
  loadingSurvey: 'De vragenlijst wordt geladen…',
  loadingPage: 'Laden…',
  loadingData: 'Laden…',
  requiredError: 'Beantwoord deze vraag om verder te gaan.',
  requiredErrorInPanel: 'Beantwoord minstens één vraag om verder te gaan.',
  numericError: 'Vul een getal in.',
  minError: 'Het getal mag niet kleiner zijn dan {0}.',
  maxError: 'Het getal mag niet groter zijn dan {0}.',
  stepError: 'Kies een getal in stappen van {0}.',
  invalidInputError: 'Dit antwoord klopt niet.',
  textMinLength: 'Gebruik minstens {0} tekens.',
  textMaxLength: 'Gebruik niet meer dan {0} tekens.',
  textMinMaxLength: 'Gebruik minstens {0} en hoogstens {1} tekens.',
  minSelectError: 'Kies minstens {0} antwoorden.',
  maxSelectError: 'Kies niet meer dan {0} antwoorden.',
  booleanCheckedLabel: 'Ja',
  booleanUncheckedLabel: 'Nee',
  ok: 'Oké',
  tagboxDoneButtonCaption: 'Oké',
  cancel: 'Annuleren',
  modalCancelButtonText: 'Annuleren',
  modalApplyButtonText: 'Toepassen',
  more: 'Meer',
  emptyMessage: 'Er is niets om te tonen.',
  filterStringPlaceholder: 'Typ om te zoeken…',
};

/** SurveyJS's Dutch interface strings per form of address: both hold every key, so switching replaces them all. */
export const DUTCH_SURVEY_STRINGS: Record<FormOfAddress, SurveyStrings> = {
  je: {
    ...SHARED,
    commentText: 'Wil je iets toelichten?',
    otherRequiredError: 'Vul in wat je bij "Anders" bedoelt.',
    completingSurvey: 'Bedankt voor het invullen.',
    completingSurveyBefore: 'Je hebt deze vragenlijst al ingevuld.',
  },
  u: {
    ...SHARED,
    commentText: 'Wilt u iets toelichten?',
    otherRequiredError: 'Vul in wat u bij "Anders" bedoelt.',
    completingSurvey: 'Hartelijk dank voor het invullen.',
    completingSurveyBefore: 'U hebt deze vragenlijst al ingevuld.',
  },
};

/**
 * Makes SurveyJS speak the study's Dutch: its `nl` strings (global, there is one study on the page) get the set
 * for `address`. Call before building a model.
 */
export function useDutchSurveyStrings(address: FormOfAddress): void {
  const target = surveyLocalization.locales.nl as Record<string, string> | undefined;
  if (target) Object.assign(target, DUTCH_SURVEY_STRINGS[address]);
}

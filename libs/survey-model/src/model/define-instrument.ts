import { buildSurveyDefinition } from '../survey/build-survey-definition';
import type { Instrument, Language, SurveyDefinition } from './instrument.types';

/** An instrument as written in its folder: everything but the derived `itemIds` and `survey`. */
export type InstrumentInput = Omit<Instrument, 'itemIds' | 'survey'>;

/**
 * Completes an instrument definition: item ids in display order (page by page) and, when wording is present, the
 * SurveyJS definition per language. Throws when pages and items do not match one to one.
 */
export function defineInstrument(input: InstrumentInput): Instrument {
  const itemIds = input.pages.flatMap((page) => page.items);
  const declared = input.items.map((item) => item.id);
  if (
    itemIds.length !== declared.length ||
    new Set(itemIds).size !== itemIds.length ||
    declared.some((id) => !itemIds.includes(id))
  ) {
    throw new RangeError(`${input.id}@${input.version}: every item must be on exactly one page`);
  }
  const text = input.text;
  let survey: Partial<Record<Language, SurveyDefinition>> | undefined;
  if (text !== undefined) {
    survey = {};
    for (const language of input.languages) {
      const languageText = text[language];
      if (languageText !== undefined) survey[language] = buildSurveyDefinition(input, languageText, language);
    }
  }
  return { ...input, itemIds, ...(survey !== undefined ? { survey } : {}) };
}

/**
 * The input of an instrument version (without the derived `itemIds` and `survey`), to start the next version from:
 * `defineInstrument({ ...instrumentInput(phq9V1), version: '1.1.0', … })`.
 */
export function instrumentInput(instrument: Instrument): InstrumentInput {
  const { itemIds: _itemIds, survey: _survey, ...input } = instrument;
  return input;
}

import { Model, type Question } from 'survey-core';
import type { Instrument, SurveyDefinition } from '../model/instrument.types';
import { buildSurveyDefinition } from '../survey/build-survey-definition';
import { checkAnswerValue, isEmptyAnswer } from './check-answer-value';
import {
  WHOLE_BODY,
  type AnswerError,
  type ValidateOptions,
  type ValidationResult,
} from './validation.types';

// One Model per definition object (an instrument version in one language): building one costs ~20 ms, reusing ~1 ms.
const modelCache = new WeakMap<SurveyDefinition, Model>();
// Structure-only definitions for instruments without wording, per instrument object.
const structureDefinitions = new WeakMap<Instrument, SurveyDefinition>();

function definitionFor(instrument: Instrument, language: ValidateOptions['language']): SurveyDefinition {
  if (!instrument.languages.includes(language)) {
    throw new RangeError(`${instrument.id}@${instrument.version} is not available in ${language}`);
  }
  const shown = instrument.survey?.[language];
  if (shown !== undefined) return shown;
  // Scoring-only instrument without a text pack: structure and branching are language-independent.
  let definition = structureDefinitions.get(instrument);
  if (definition === undefined) {
    definition = buildSurveyDefinition(instrument, undefined);
    structureDefinitions.set(instrument, definition);
  }
  return definition;
}

function modelFor(definition: SurveyDefinition): Model {
  let model = modelCache.get(definition);
  if (model === undefined) {
    model = new Model(definition);
    modelCache.set(definition, model);
  }
  return model;
}

/** Errors in questionnaire order (as the person saw the items); unknown keys last, in body order. */
function inItemOrder(errors: AnswerError[], instrument: Instrument): AnswerError[] {
  const position = new Map(instrument.itemIds.map((id, index) => [id, index]));
  const rank = (error: AnswerError): number => position.get(error.item) ?? instrument.itemIds.length;
  return errors
    .map((error, index) => ({ error, index }))
    .sort((left, right) => rank(left.error) - rank(right.error) || left.index - right.index)
    .map(({ error }) => error);
}

function isShown(question: Question): boolean {
  return question.isVisible && question.isParentVisible;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // Plain objects only (JSON bodies); a null prototype is fine, class instances and Maps are not.
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Validates answers against the exact instrument version (and language) that was shown, server side.
 *
 * Own checks (survey-core does not make them): the body is a plain object, every key is an item of this version
 * (`unknown_item`), each value has the item's type (`wrong_type`), lies on its scale (`out_of_range`) and is one of
 * its choices, including every value of a multi-select (`not_a_choice`). survey-core then evaluates branching
 * (an answer to a question that is not visible given the other answers is `not_visible`; hidden answers are
 * removed and visibility re-evaluated until stable, so a chain of hidden questions is caught) and required items,
 * including conditionally required ones (`required`), with `validate(true, false)`.
 *
 * With `partial: true`, pages without any answer are not checked for required items.
 *
 * Synchronous and single-threaded: the cached Model's data is replaced on each call.
 *
 * @throws RangeError when the instrument is not available in the language.
 * @example
 * validateAnswers(getInstrument('gad-7'), { gad7_1: 4 }, { language: 'en' })
 * // { valid: false, errors: [{ item: 'gad7_1', code: 'out_of_range', … }, { item: 'gad7_2', code: 'required', … }, …] }
 */
export function validateAnswers(
  instrument: Instrument,
  answers: unknown,
  options: ValidateOptions,
): ValidationResult {
  if (!isPlainObject(answers)) {
    return {
      valid: false,
      errors: [
        { item: WHOLE_BODY, code: 'wrong_type', reason: 'answers must be an object of item ids to values' },
      ],
    };
  }
  const errors: AnswerError[] = [];
  const errored = new Set<string>();
  const itemsById = new Map(instrument.items.map((item) => [item.id, item]));
  const accepted: Record<string, unknown> = {};

  for (const [key, value] of Object.entries(answers)) {
    const item = itemsById.get(key);
    if (item === undefined) {
      errors.push({
        item: key,
        code: 'unknown_item',
        reason: `${instrument.id}@${instrument.version} has no item ${key}`,
      });
      continue;
    }
    if (isEmptyAnswer(value)) continue;
    const problem = checkAnswerValue(item, value, instrument);
    if (problem !== null) {
      errors.push(problem);
      errored.add(key);
    } else {
      accepted[key] = Array.isArray(value) ? [...value] : value;
    }
  }

  const model = modelFor(definitionFor(instrument, options.language));
  // The data setter replaces every value and re-runs all conditions, so no clear() is needed (it would double the
  // cost); stale errors of hidden questions are never read.
  model.data = accepted;

  // Remove answers to hidden questions until visibility no longer changes (hidden answers must not open branches).
  for (;;) {
    const hidden = Object.keys(accepted).filter((key) => {
      const question = model.getQuestionByName(key);
      return question !== null && question !== undefined && !isShown(question);
    });
    if (hidden.length === 0) break;
    for (const key of hidden) {
      errors.push({
        item: key,
        code: 'not_visible',
        reason: 'this question was not shown given the other answers',
      });
      errored.add(key);
      delete accepted[key];
      model.setValue(key, undefined);
    }
  }

  const answeredPages = new Set(
    instrument.pages
      .filter((page) => page.items.some((item) => item in accepted || errored.has(item)))
      .map((page) => page.id),
  );
  const pageOf = new Map(
    instrument.pages.flatMap((page) => page.items.map((item) => [item, page.id] as const)),
  );

  model.validate(true, false);
  for (const question of model.getAllQuestions(false)) {
    if (!isShown(question) || errored.has(question.name)) continue;
    for (const error of question.errors) {
      const type = error.getErrorType();
      if (type === 'required') {
        if (options.partial === true && !answeredPages.has(pageOf.get(question.name) ?? '')) continue;
        errors.push({ item: question.name, code: 'required', reason: 'an answer is required' });
      } else {
        errors.push({ item: question.name, code: 'out_of_range', reason: error.text || type });
      }
      errored.add(question.name);
      break;
    }
  }
  return { valid: errors.length === 0, errors: inItemOrder(errors, instrument) };
}

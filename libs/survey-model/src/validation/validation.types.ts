import type { Language } from '../model/instrument.types';

/** Why an answer was rejected. */
export type AnswerErrorCode =
  'required' | 'out_of_range' | 'not_a_choice' | 'wrong_type' | 'unknown_item' | 'not_visible';

/** One rejected answer: the item (or `(answers)` for the whole body), a reason in English, and a stable code. */
export interface AnswerError {
  readonly item: string;
  readonly reason: string;
  readonly code: AnswerErrorCode;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly errors: readonly AnswerError[];
}

export interface ValidateOptions {
  /** The language the questionnaire was shown in (selects the SurveyJS definition). */
  readonly language: Language;
  /**
   * Saving progress: pages without any answer are not checked for required items. Bad values, unknown items and
   * answers to hidden questions are still rejected, and a page that has answers must be complete.
   */
  readonly partial?: boolean;
}

/** Item name used for an error about the whole answer body. */
export const WHOLE_BODY = '(answers)';

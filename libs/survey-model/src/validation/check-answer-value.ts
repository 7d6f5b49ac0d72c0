import type { Instrument, ItemSpec } from '../model/instrument.types';
import { isOnScaleGrid } from '../model/scale-grid';
import type { AnswerError } from './validation.types';

type ValueChecker<K extends ItemSpec['kind']> = (
  item: Extract<ItemSpec, { kind: K }>,
  value: unknown,
  instrument: Instrument,
) => AnswerError | null;

const describe = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Type, range and choice checks per item kind — the checks survey-core does not do. Typed record: a new item
 * kind without a checker does not compile.
 */
export const VALUE_CHECKERS: { readonly [K in ItemSpec['kind']]: ValueChecker<K> } = {
  scale: (item, value, instrument) => {
    const scale = instrument.scales.find((candidate) => candidate.id === item.scale);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { item: item.id, code: 'wrong_type', reason: `expected a number, got ${describe(value)}` };
    }
    if (scale === undefined)
      return { item: item.id, code: 'wrong_type', reason: `item has no scale ${item.scale}` };
    if (value < scale.min || value > scale.max) {
      return {
        item: item.id,
        code: 'out_of_range',
        reason: `${value} is outside ${scale.min} to ${scale.max}`,
      };
    }
    if (!isOnScaleGrid(value, scale)) {
      return {
        item: item.id,
        code: 'not_a_choice',
        reason: `${value} is not a step of ${scale.step} from ${scale.min}`,
      };
    }
    return null;
  },
  single: (item, value) => {
    const types = new Set(item.options.map((option) => typeof option));
    if ((typeof value !== 'number' && typeof value !== 'string') || !types.has(typeof value)) {
      return {
        item: item.id,
        code: 'wrong_type',
        reason: `expected one of ${describe(item.options)}, got ${describe(value)}`,
      };
    }
    if (!item.options.includes(value)) {
      return {
        item: item.id,
        code: 'not_a_choice',
        reason: `${describe(value)} is not one of ${describe(item.options)}`,
      };
    }
    return null;
  },
  multi: (item, value) => {
    if (!Array.isArray(value) || value.some((code) => typeof code !== 'string')) {
      return {
        item: item.id,
        code: 'wrong_type',
        reason: `expected a list of option codes, got ${describe(value)}`,
      };
    }
    const unknown = value.filter((code) => !item.options.includes(code as string));
    if (unknown.length > 0) {
      return {
        item: item.id,
        code: 'not_a_choice',
        reason: `${describe(unknown)} not among ${describe(item.options)}`,
      };
    }
    if (new Set(value).size !== value.length) {
      return { item: item.id, code: 'not_a_choice', reason: 'an option is chosen more than once' };
    }
    return null;
  },
  text: (item, value) => {
    if (typeof value !== 'string')
      return { item: item.id, code: 'wrong_type', reason: `expected text, got ${describe(value)}` };
    if (value.length > item.maxLength) {
      return {
        item: item.id,
        code: 'out_of_range',
        reason: `text is longer than ${item.maxLength} characters`,
      };
    }
    return null;
  },
};

/** Checks one value against its item; null when acceptable. */
export function checkAnswerValue(item: ItemSpec, value: unknown, instrument: Instrument): AnswerError | null {
  const checker = VALUE_CHECKERS[item.kind] as ValueChecker<ItemSpec['kind']>;
  return checker(item, value, instrument);
}

/** An answer that counts as "not answered": absent, null, empty text or an empty selection. */
export function isEmptyAnswer(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

import type {
  Instrument,
  InstrumentText,
  ItemSpec,
  Language,
  ResponseScale,
  SurveyDefinition,
} from '../model/instrument.types';
import { assertNever } from '../model/assert-never';

/** Structure of an instrument without its text, enough to build a SurveyJS definition. */
export type InstrumentStructure = Pick<Instrument, 'id' | 'version' | 'scales' | 'items' | 'pages'>;

/** All values of a scale from min to max in steps (rounded to avoid binary drift, e.g. 0.1 steps). */
export function scaleValues(scale: ResponseScale): number[] {
  const values: number[] = [];
  const count = Math.round((scale.max - scale.min) / scale.step);
  for (let index = 0; index <= count; index += 1)
    values.push(Number((scale.min + index * scale.step).toFixed(6)));
  return values;
}

type ElementBuilder<K extends ItemSpec['kind']> = (
  item: Extract<ItemSpec, { kind: K }>,
  structure: InstrumentStructure,
  text: InstrumentText | undefined,
) => Record<string, unknown>;

function findScale(structure: InstrumentStructure, id: string): ResponseScale {
  const scale = structure.scales.find((candidate) => candidate.id === id);
  if (scale === undefined) throw new RangeError(`${structure.id}@${structure.version}: unknown scale ${id}`);
  return scale;
}

function label(labels: Readonly<Record<string, string>> | undefined, value: number | string): string {
  return labels?.[String(value)] ?? String(value);
}

const SCALE_ELEMENTS: {
  readonly [D in ResponseScale['display']]: (
    scale: ResponseScale,
    labels?: Readonly<Record<string, string>>,
  ) => Record<string, unknown>;
} = {
  radio: (scale, labels) => ({
    type: 'radiogroup',
    choices: scaleValues(scale).map((value) => ({ value, text: label(labels, value) })),
  }),
  rating: (scale, labels) => ({
    type: 'rating',
    rateMin: scale.min,
    rateMax: scale.max,
    rateStep: scale.step,
    minRateDescription: label(labels, scale.min),
    maxRateDescription: label(labels, scale.max),
  }),
  slider: (scale, labels) => ({
    type: 'slider',
    min: scale.min,
    max: scale.max,
    step: scale.step,
    description: `${scale.min} = ${label(labels, scale.min)}; ${scale.max} = ${label(labels, scale.max)}`,
  }),
};

const ELEMENT_BUILDERS: { readonly [K in ItemSpec['kind']]: ElementBuilder<K> } = {
  scale: (item, structure, text) => {
    const scale = findScale(structure, item.scale);
    return SCALE_ELEMENTS[scale.display](scale, text?.scales?.[scale.id]);
  },
  single: (item, _structure, text) => ({
    type: 'radiogroup',
    choices: item.options.map((value) => ({ value, text: label(text?.options?.[item.id], value) })),
  }),
  multi: (item, _structure, text) => ({
    type: 'checkbox',
    choices: item.options.map((value) => ({ value, text: label(text?.options?.[item.id], value) })),
  }),
  text: (item) => ({ type: 'comment', maxLength: item.maxLength, rows: 3 }),
};

function buildElement(
  item: ItemSpec,
  structure: InstrumentStructure,
  text: InstrumentText | undefined,
): Record<string, unknown> {
  const builder = ELEMENT_BUILDERS[item.kind] as ElementBuilder<ItemSpec['kind']> | undefined;
  if (builder === undefined) return assertNever(item as never, 'item kind');
  return {
    ...builder(item, structure, text),
    name: item.id,
    title: text?.items[item.id] ?? item.id,
    isRequired: item.required,
    ...(item.visibleIf !== undefined ? { visibleIf: item.visibleIf } : {}),
  };
}

/**
 * Builds the SurveyJS JSON of one language from an instrument's structure and text (`language` sets its
 * locale). Without text (scoring-only instruments) item ids stand in for titles and values for labels: enough for server-side validation, not for
 * showing to anyone.
 */
export function buildSurveyDefinition(
  structure: InstrumentStructure,
  text: InstrumentText | undefined,
  language?: Language,
): SurveyDefinition {
  const itemsById = new Map(structure.items.map((item) => [item.id, item]));
  return {
    // SurveyJS's own interface strings (buttons, "required") follow the locale when its i18n bundle is loaded.
    ...(language !== undefined ? { locale: language } : {}),
    title: text?.title ?? structure.id,
    ...(text?.instructions !== undefined ? { description: text.instructions } : {}),
    showQuestionNumbers: 'off',
    pages: structure.pages.map((page) => ({
      name: page.id,
      ...(text?.pages?.[page.id] !== undefined ? { title: text.pages[page.id] } : {}),
      ...(page.visibleIf !== undefined ? { visibleIf: page.visibleIf } : {}),
      elements: page.items.map((itemId) => {
        const item = itemsById.get(itemId);
        if (item === undefined)
          throw new RangeError(
            `${structure.id}@${structure.version}: page ${page.id} lists unknown item ${itemId}`,
          );
        return buildElement(item, structure, text);
      }),
    })),
  };
}

/**
 * Problems that make a text incomplete or inconsistent with the structure: missing title or item text, text for
 * unknown items, missing anchor or option labels, labels for unknown values. An empty list means usable.
 */
export function findTextProblems(
  structure: InstrumentStructure,
  text: InstrumentText,
  language: string,
): string[] {
  const problems: string[] = [];
  const at = `[${language}]`;
  const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
  if (!isText(text.title)) problems.push(`${at} title is missing`);
  const items = text.items ?? {};
  for (const item of structure.items)
    if (!isText(items[item.id])) problems.push(`${at} item ${item.id} has no text`);
  const itemIds = new Set(structure.items.map((item) => item.id));
  for (const key of Object.keys(items))
    if (!itemIds.has(key)) problems.push(`${at} text for unknown item ${key}`);

  const usedScales = new Set(structure.items.flatMap((item) => (item.kind === 'scale' ? [item.scale] : [])));
  for (const scale of structure.scales) {
    if (!usedScales.has(scale.id)) continue;
    const labels = text.scales?.[scale.id] ?? {};
    const needed = scale.display === 'radio' ? scaleValues(scale) : [scale.min, scale.max];
    for (const value of needed)
      if (!isText(labels[String(value)])) problems.push(`${at} scale ${scale.id} has no label for ${value}`);
    const allowed = new Set(scaleValues(scale).map(String));
    for (const key of Object.keys(labels))
      if (!allowed.has(key)) problems.push(`${at} scale ${scale.id} has a label for unknown value ${key}`);
  }
  const scaleIds = new Set(structure.scales.map((scale) => scale.id));
  for (const key of Object.keys(text.scales ?? {}))
    if (!scaleIds.has(key)) problems.push(`${at} labels for unknown scale ${key}`);

  for (const item of structure.items) {
    if (item.kind !== 'single' && item.kind !== 'multi') continue;
    const labels = text.options?.[item.id] ?? {};
    for (const option of item.options)
      if (!isText(labels[String(option)]))
        problems.push(`${at} item ${item.id} has no label for option ${option}`);
    const allowed = new Set(item.options.map(String));
    for (const key of Object.keys(labels))
      if (!allowed.has(key)) problems.push(`${at} item ${item.id} has a label for unknown option ${key}`);
  }
  for (const key of Object.keys(text.options ?? {})) {
    const item = structure.items.find((candidate) => candidate.id === key);
    if (item === undefined || (item.kind !== 'single' && item.kind !== 'multi'))
      problems.push(`${at} option labels for ${key}, which has no options`);
  }
  return problems;
}

import { spreadsheetSafe } from '@klik/csv';
import { changeThresholds, type Instrument } from '@klik/survey-model';
import { createHash } from 'node:crypto';
import type { QuasiIdentifier } from './k-anonymity';

/** The variables of an export: one list for the long and one for the wide CSV, shared by codebook, SPSS and R. */

export type VariableType = 'string' | 'integer' | 'number' | 'date';

export interface ExportVariable {
  name: string;
  label: string;
  type: VariableType;
  /** Width of a long string column (free text); others use the writers' defaults. */
  width?: number;
  /** Value → label, for coded values (scale anchors, options, bands, quasi-identifiers). */
  valueLabels?: { value: number | string; label: string }[];
  instrument?: { id: string; version: string };
  timepoint?: string;
  session?: number;
}

export type DateMode = 'shifted' | 'days_since_baseline' | 'none';

export interface LayoutOptions {
  items: boolean;
  includeFreeText: boolean;
  dates: DateMode;
  quasiIdentifiers: readonly QuasiIdentifier[];
}

export interface LayoutTimepoint {
  id: string;
  key: string;
  kind: string;
  /** Position in the protocol (baseline first); the outcome columns pick pre and post by it. */
  position: number;
  label: string;
  /** Session numbers that occur (session timepoints); null for other timepoints. */
  sessions: number[] | null;
  instruments: Instrument[];
}

/** A variable of one instrument that is not common to all (subscale, derived value or item), by its suffix. */
export interface InstrumentVariable extends Omit<ExportVariable, 'name'> {
  suffix: string;
  read(row: {
    subscales: Record<string, unknown>;
    derived: Record<string, unknown>;
    answers: Record<string, unknown>;
  }): unknown;
}

/** SPSS- and R-safe name part: `phq-9` → `phq9`, `klik-session-log` → `klik_session_log`. */
export function namePart(text: string): string {
  return text
    .toLowerCase()
    .replace(/-(?=\d)/g, '')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export const instrumentPrefix = (instrumentId: string) => namePart(instrumentId);

/** SPSS allows variable names of at most 64 bytes. */
export const MAX_NAME_LENGTH = 64;

/**
 * A name within {@link MAX_NAME_LENGTH}: a longer one keeps its first 55 characters and gets 8 hex digits of its
 * SHA-1, so it stays recognisable and distinct (the codebook label carries the full meaning).
 */
export function fitName(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  return `${name.slice(0, 55)}_${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Subscales, derived values and (when asked) items of an instrument, in definition order. */
export function instrumentVariables(
  instrument: Instrument,
  options: Pick<LayoutOptions, 'items' | 'includeFreeText'>,
): InstrumentVariable[] {
  const text = instrument.text?.en;
  const ref = { id: instrument.id, version: instrument.version };
  const prefix = instrumentPrefix(instrument.id);
  const itemById = new Map(instrument.items.map((item) => [item.id, item]));
  const isText = (itemId: string) => itemById.get(itemId)?.kind === 'text';
  const out: InstrumentVariable[] = [];
  for (const sub of instrument.scoring.subscales) {
    out.push({
      suffix: `${prefix}_${namePart(sub.id)}`,
      label: `${instrument.name}: ${sub.label} (${sub.method})`,
      type: 'number',
      instrument: ref,
      read: (row) => numberOrNull((row.subscales[sub.id] as { value?: unknown } | undefined)?.value),
    });
  }
  for (const rule of instrument.scoring.derived ?? []) {
    if (rule.kind === 'choice-flags') {
      for (const code of [...rule.codes, 'count']) {
        const optionLabel = code === 'count' ? 'number chosen' : (text?.options?.[rule.item]?.[code] ?? code);
        out.push({
          suffix: `${prefix}_${namePart(rule.id)}_${namePart(code)}`,
          label: `${instrument.name}: ${rule.id}, ${optionLabel}`,
          type: 'integer',
          valueLabels:
            code === 'count'
              ? undefined
              : [
                  { value: 0, label: 'no' },
                  { value: 1, label: 'yes' },
                ],
          instrument: ref,
          read: (row) => numberOrNull(row.derived[`${rule.id}.${code}`]),
        });
      }
    } else if (!isText(rule.item) || options.includeFreeText) {
      const item = itemById.get(rule.item);
      out.push({
        suffix: `${prefix}_${namePart(rule.id)}`,
        label: `${instrument.name}: ${rule.id} (item ${rule.item})`,
        width: item?.kind === 'text' ? item.maxLength : undefined,
        type:
          item?.kind === 'text' ||
          (item?.kind === 'single' && item.options.some((o) => typeof o === 'string'))
            ? 'string'
            : 'integer',
        valueLabels: item ? itemValueLabels(instrument, item.id) : undefined,
        instrument: ref,
        read: (row) => row.derived[rule.id] ?? null,
      });
    }
  }
  if (!options.items) return out.map(fitted);
  for (const item of instrument.items) {
    if (item.kind === 'text' && !options.includeFreeText) continue;
    const label = `${instrument.name}: ${text?.items?.[item.id] ?? item.id}`;
    // Free text gets its own infix, so it never meets a multi-choice option column (ksl_content + _other).
    const suffix = `${prefix}_${item.kind === 'text' ? 't' : 'i'}_${namePart(item.id)}`;
    if (item.kind === 'multi') {
      for (const option of item.options) {
        out.push({
          suffix: `${suffix}_${namePart(option)}`,
          label: `${label} [${text?.options?.[item.id]?.[option] ?? option}]`,
          type: 'integer',
          valueLabels: [
            { value: 0, label: 'not chosen' },
            { value: 1, label: 'chosen' },
          ],
          instrument: ref,
          read: (row) => {
            const value = row.answers[item.id];
            return Array.isArray(value) ? (value.includes(option) ? 1 : 0) : null;
          },
        });
      }
      continue;
    }
    const stringValued =
      item.kind === 'text' || (item.kind === 'single' && item.options.some((o) => typeof o === 'string'));
    out.push({
      suffix,
      label: item.kind === 'text' ? `${label} (free text)` : label,
      width: item.kind === 'text' ? item.maxLength : undefined,
      type: stringValued
        ? 'string'
        : instrument.scales.find((s) => item.kind === 'scale' && s.id === item.scale && s.step !== 1)
          ? 'number'
          : 'integer',
      valueLabels: itemValueLabels(instrument, item.id),
      instrument: ref,
      read: (row) => {
        const value = row.answers[item.id];
        return typeof value === 'number' || typeof value === 'string' ? value : null;
      },
    });
  }
  return out.map(fitted);
}

const fitted = (v: InstrumentVariable): InstrumentVariable => ({ ...v, suffix: fitName(v.suffix) });

/** Anchor or option labels of an item (English wording; licensed instruments without a text pack have none). */
function itemValueLabels(instrument: Instrument, itemId: string): ExportVariable['valueLabels'] {
  const item = instrument.items.find((candidate) => candidate.id === itemId);
  const text = instrument.text?.en;
  if (!item || !text) return undefined;
  let labels: Record<string, string> | undefined;
  if (item.kind === 'scale') labels = text.scales?.[item.scale];
  else if (item.kind === 'single') labels = text.options?.[item.id];
  if (!labels) return undefined;
  const numeric =
    item.kind === 'scale' || (item.kind === 'single' && item.options.every((o) => typeof o === 'number'));
  return Object.entries(labels).map(([value, label]) => ({ value: numeric ? Number(value) : value, label }));
}

/** Band value labels of an instrument's band rule. */
function bandLabels(instrument: Instrument): ExportVariable['valueLabels'] {
  const band = instrument.scoring.band;
  if (band?.kind === 'ranges')
    return band.bands.map((b) => ({ value: b.id, label: `${b.label} (${b.min}-${b.max})` }));
  if (band) return ['flourishing', 'moderate', 'languishing'].map((value) => ({ value, label: value }));
  return undefined;
}

const QI_LABELS: Record<QuasiIdentifier, string> = {
  cohort: 'Cohort (site); quasi-identifier, possibly generalised to "any"',
  age_band: 'Age band; quasi-identifier, possibly merged into wider bands or "any"',
  gender: 'Gender; quasi-identifier, possibly generalised to "any"',
};

function leadingVariables(options: LayoutOptions, cohorts: string[]): ExportVariable[] {
  const vars: ExportVariable[] = [
    { name: 'participant', label: 'Pseudonymous export code (HMAC of the study secret)', type: 'string' },
  ];
  for (const qi of options.quasiIdentifiers) {
    const values =
      qi === 'cohort'
        ? cohorts
        : qi === 'age_band'
          ? ['18-24', '25-34', '35-44', '45-54', '55-64', '65+', '18-34', '35-54', '55+', 'unknown']
          : ['female', 'male', 'other', 'unknown'];
    vars.push({
      name: qi,
      label: QI_LABELS[qi],
      type: 'string',
      // The value as the CSV holds it (a cohort named like a formula gets its apostrophe there), so R's factor
      // levels and SPSS's value labels match the data.
      valueLabels: [...values, 'any'].map((v) => ({ value: spreadsheetSafe(v), label: v })),
    });
  }
  return vars;
}

/**
 * The participant's consent (issue 11): the version of their latest consent and, by the date option, its date
 * (shifted like every date of the participant), its day counted from their baseline, or nothing. In both files,
 * after the quasi-identifiers.
 */
export const CONSENT_VERSION = 'consent_version';
export const consentDateName = (dates: DateMode): string | null =>
  dates === 'shifted' ? 'consent_date' : dates === 'days_since_baseline' ? 'consent_days' : null;

function consentVariables(dates: DateMode): ExportVariable[] {
  const vars: ExportVariable[] = [
    {
      name: CONSENT_VERSION,
      label: "Consent version of the participant's latest consent (empty: none given)",
      type: 'integer',
    },
  ];
  if (dates === 'shifted') {
    vars.push({
      name: 'consent_date',
      label: "Date of that consent (shifted by the participant's random offset of -180 to +180 days)",
      type: 'date',
    });
  } else if (dates === 'days_since_baseline') {
    vars.push({ name: 'consent_days', label: "Date of that consent, days since the participant's baseline", type: 'integer' });
  }
  return vars;
}

const SCORE_STATUS = ['complete', 'prorated', 'missing'].map((v) => ({ value: v, label: v }));
const YES_NO = [
  { value: 0, label: 'no' },
  { value: 1, label: 'yes' },
];

/** An instrument with a pre/post outcome in the wide file: its `<prefix>_outcome_*` columns. */
export interface OutcomeColumns {
  instrumentId: string;
  pre: string;
  post: string;
  change: string;
  category: string;
  version: string;
}

export interface ExportLayout {
  long: ExportVariable[];
  wide: ExportVariable[];
  /** Instruments measured at a baseline and an end timepoint with published change criteria (wide file only). */
  outcomes: OutcomeColumns[];
  /** Subscale/derived/item variables per instrument id, in long-file order. */
  perInstrument: Map<string, InstrumentVariable[]>;
  /** Wide column name of a visit's variable. */
  wideName(base: string, timepointKey: string, session: number | null): string;
}

/** Builds both variable lists from the protocol (timepoints, their instruments, the sessions that occur). */
export function buildLayout(
  timepoints: LayoutTimepoint[],
  cohorts: string[],
  options: LayoutOptions,
): ExportLayout {
  const perInstrument = new Map<string, InstrumentVariable[]>();
  for (const tp of timepoints) {
    for (const instrument of tp.instruments) {
      if (!perInstrument.has(instrument.id))
        perInstrument.set(instrument.id, instrumentVariables(instrument, options));
    }
  }
  const dateVar = (name: string, label: string): ExportVariable[] =>
    options.dates === 'shifted'
      ? [
          {
            name,
            label: `${label} (shifted by the participant's random offset of -180 to +180 days)`,
            type: 'date',
          },
        ]
      : options.dates === 'days_since_baseline'
        ? [
            {
              name: name.replace(/^date/, 'days'),
              label: `${label}, days since the participant's baseline`,
              type: 'integer',
            },
          ]
        : [];

  const long: ExportVariable[] = [
    ...leadingVariables(options, cohorts),
    ...consentVariables(options.dates),
    {
      name: 'timepoint',
      label: 'Timepoint key of the protocol',
      type: 'string',
      valueLabels: timepoints.map((t) => ({ value: t.key, label: t.label })),
    },
    { name: 'timepoint_kind', label: 'Kind of timepoint', type: 'string' },
    { name: 'session', label: 'Session number (session timepoints)', type: 'integer' },
    { name: 'instrument', label: 'Instrument id', type: 'string' },
    { name: 'instrument_version', label: 'Instrument version', type: 'string' },
    { name: 'scoring_version', label: 'Scoring rules version', type: 'string' },
    {
      name: 'respondent',
      label: 'Who answered',
      type: 'string',
      valueLabels: [
        { value: 'client', label: 'client' },
        { value: 'practitioner', label: 'practitioner' },
      ],
    },
    ...dateVar('date', 'Date of the answers'),
    { name: 'score_status', label: 'Score status', type: 'string', valueLabels: SCORE_STATUS },
    { name: 'total', label: 'Total score of the instrument', type: 'number' },
    { name: 'band', label: 'Severity band of the total', type: 'string' },
    { name: 'caseness', label: 'On the case side of the cut-off', type: 'integer', valueLabels: YES_NO },
  ];
  const seen = new Set(long.map((v) => v.name));
  for (const vars of perInstrument.values()) {
    for (const v of vars) {
      if (seen.has(v.suffix)) continue;
      seen.add(v.suffix);
      long.push({
        name: v.suffix,
        label: v.label,
        type: v.type,
        width: v.width,
        valueLabels: v.valueLabels,
        instrument: v.instrument,
      });
    }
  }

  const wideName = (base: string, timepointKey: string, session: number | null) =>
    fitName(`${base}_${namePart(timepointKey)}${session === null ? '' : `_s${session}`}`);
  const wide: ExportVariable[] = [...leadingVariables(options, cohorts), ...consentVariables(options.dates)];
  for (const tp of timepoints) {
    for (const session of tp.sessions ?? [null]) {
      const at = `${tp.label}${session === null ? '' : `, session ${session}`}`;
      const visit = { timepoint: tp.key, session: session ?? undefined };
      for (const v of dateVar(wideName('date', tp.key, session), `Date of ${at}`))
        wide.push({ ...v, ...visit });
      for (const instrument of tp.instruments) {
        const p = instrumentPrefix(instrument.id);
        const ref = { id: instrument.id, version: instrument.version };
        const common: ExportVariable[] = [
          {
            name: `${p}_status`,
            label: `${instrument.name}: score status`,
            type: 'string',
            valueLabels: SCORE_STATUS,
          },
          { name: `${p}_total`, label: `${instrument.name}: total`, type: 'number' },
          ...(instrument.scoring.band
            ? [
                {
                  name: `${p}_band`,
                  label: `${instrument.name}: band`,
                  type: 'string' as const,
                  valueLabels: bandLabels(instrument),
                },
              ]
            : []),
          ...(instrument.scoring.cutoff
            ? [
                {
                  name: `${p}_caseness`,
                  label: `${instrument.name}: caseness`,
                  type: 'integer' as const,
                  valueLabels: YES_NO,
                },
              ]
            : []),
        ];
        for (const v of common)
          wide.push({
            ...v,
            name: wideName(v.name, tp.key, session),
            label: `${v.label}, ${at}`,
            instrument: ref,
            ...visit,
          });
        for (const v of perInstrument.get(instrument.id) ?? []) {
          wide.push({
            name: wideName(v.suffix, tp.key, session),
            label: `${v.label}, ${at}`,
            type: v.type,
            width: v.width,
            valueLabels: v.valueLabels,
            instrument: ref,
            ...visit,
          });
        }
      }
    }
  }
  const outcomes = outcomeColumns(timepoints);
  for (const outcome of outcomes) {
    const name = timepoints.flatMap((tp) => tp.instruments).find((i) => i.id === outcome.instrumentId)?.name;
    const what = `${name ?? outcome.instrumentId}, outcome`;
    wide.push(
      { name: outcome.pre, label: `${what}: pre (baseline) total`, type: 'number' },
      { name: outcome.post, label: `${what}: post (end) total`, type: 'number' },
      { name: outcome.change, label: `${what}: change, post - pre`, type: 'number' },
      {
        name: outcome.category,
        label: `${what}: Jacobson & Truax category with the published criteria of the pair's version`,
        type: 'string',
        valueLabels: CHANGE_CATEGORIES.map((category) => ({ value: category, label: category })),
      },
      { name: outcome.version, label: `${what}: instrument version whose criteria apply`, type: 'string' },
    );
  }
  return { long, wide, outcomes, perInstrument, wideName };
}

const CHANGE_CATEGORIES = ['recovered', 'improved', 'unchanged', 'deteriorated'] as const;

/**
 * The instruments whose outcome (pre, post, change, category) the wide file carries: measured at a baseline and at
 * an end timepoint of the protocol, with a published cut-off and reliable change value. Which measures are pre and
 * post is the outcome module's rule (libs/survey-model outcomePair, end rule), as in the analyses.
 */
function outcomeColumns(timepoints: LayoutTimepoint[]): OutcomeColumns[] {
  const at = (kind: string) =>
    new Map(timepoints.filter((tp) => tp.kind === kind).flatMap((tp) => tp.instruments.map((i) => [i.id, i])));
  const baseline = at('baseline');
  const end = at('end');
  return [...baseline.values()]
    .filter((instrument) => end.has(instrument.id))
    .filter((instrument) => changeThresholds(instrument.id, instrument.version, { needCutoff: true }) !== null)
    .map((instrument) => {
      const p = instrumentPrefix(instrument.id);
      return {
        instrumentId: instrument.id,
        pre: `${p}_outcome_pre`,
        post: `${p}_outcome_post`,
        change: `${p}_outcome_change`,
        category: `${p}_outcome_category`,
        version: `${p}_outcome_version`,
      };
    });
}

/** Band value labels for the long file's generic `band` column, across the study's instruments. */
export function longBandLabels(instruments: Instrument[]): ExportVariable['valueLabels'] {
  const labels = new Map<string, string>();
  for (const instrument of instruments)
    for (const l of bandLabels(instrument) ?? []) labels.set(String(l.value), `${instrument.id}: ${l.label}`);
  return [...labels].map(([value, label]) => ({ value, label }));
}

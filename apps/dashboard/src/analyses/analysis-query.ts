import type { CorrelationMethod, PAdjustment } from './analysis-types';

/** The analyses of the section, in navigation order; the key is `?view=` in the address. */
export const ANALYSIS_VIEWS = [
  'correlations',
  'scatter',
  'within-person',
  'change',
  'dyads',
  'scale-quality',
  'alerts',
] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

/** Filters every analysis takes (API: AnalysisFilterQuery). */
export const FILTER_KEYS = ['cohortId', 'timepointId', 'practitionerId', 'instrumentVersion'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Per-analysis options kept in the address beside the filters. */
export interface ViewOptions {
  method: CorrelationMethod;
  adjust: PAdjustment;
  /** Scatter: two person-level variables. */
  scatterX: string;
  scatterY: string;
  /** Within-person: two session variables, and the trajectory variable. */
  withinX: string;
  withinY: string;
  trajectory: string;
  instrument: 'phq-9' | 'gad-7';
}

export const DEFAULT_OPTIONS: ViewOptions = {
  method: 'pearson',
  adjust: 'holm',
  scatterX: 'alliance',
  scatterY: 'phq9.change',
  withinX: 'alliance',
  withinY: 'checkin',
  trajectory: 'alliance',
  instrument: 'phq-9',
};

export interface AnalysisAddress {
  view: AnalysisView;
  filters: Filters;
  options: ViewOptions;
}

const METHODS: readonly CorrelationMethod[] = ['pearson', 'spearman', 'kendall'];
const ADJUSTMENTS: readonly PAdjustment[] = ['none', 'holm', 'BH'];
const INSTRUMENTS = ['phq-9', 'gad-7'] as const;

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

// Address parameter of each option (short, readable in a shared link).
const OPTION_PARAMS: Record<keyof ViewOptions, string> = {
  method: 'method',
  adjust: 'adjust',
  scatterX: 'x',
  scatterY: 'y',
  withinX: 'wx',
  withinY: 'wy',
  trajectory: 'variable',
  instrument: 'instrument',
};

/**
 * Reads the analysis view, filters and options from a query string. Unknown views and enum values fall back to
 * the defaults; variable ids are passed through (the API validates them and answers 400 on an unknown one).
 */
export function readAddress(search: string, fallbackView: AnalysisView = 'correlations'): AnalysisAddress {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const text = (key: keyof ViewOptions) => params.get(OPTION_PARAMS[key])?.trim() || DEFAULT_OPTIONS[key];
  return {
    view: pick(params.get('view'), ANALYSIS_VIEWS, fallbackView),
    filters,
    options: {
      method: pick(params.get('method'), METHODS, DEFAULT_OPTIONS.method),
      adjust: pick(params.get('adjust'), ADJUSTMENTS, DEFAULT_OPTIONS.adjust),
      scatterX: text('scatterX'),
      scatterY: text('scatterY'),
      withinX: text('withinX'),
      withinY: text('withinY'),
      trajectory: text('trajectory'),
      instrument: pick(params.get('instrument'), INSTRUMENTS, DEFAULT_OPTIONS.instrument),
    },
  };
}

/** The query string of an address (with `?`), leaving defaults out so links stay short. */
export function writeAddress(address: AnalysisAddress): string {
  const params = new URLSearchParams();
  params.set('view', address.view);
  for (const key of FILTER_KEYS) {
    const value = address.filters[key];
    if (value) params.set(key, value);
  }
  for (const key of Object.keys(OPTION_PARAMS) as (keyof ViewOptions)[]) {
    if (address.options[key] !== DEFAULT_OPTIONS[key]) params.set(OPTION_PARAMS[key], address.options[key]);
  }
  return `?${params.toString()}`;
}

/** The API query string (with `?`, or empty) for the filters plus an analysis's own parameters. */
export function apiQuery(filters: Filters, own: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(own))
    if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

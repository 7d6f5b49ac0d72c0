import type { ApiClient, RequestOptions } from '../api/client';
import type { Comparison } from './comparison-types';

export const COMPARISON_INSTRUMENTS = ['phq-9', 'gad-7'] as const;
export type ComparisonInstrument = (typeof COMPARISON_INSTRUMENTS)[number];

/** The instrument in the address (`?instrument=`), PHQ-9 unless a valid other one is given. */
export function readInstrument(search: string): ComparisonInstrument {
  const value = new URLSearchParams(search).get('instrument');
  return (COMPARISON_INSTRUMENTS as readonly string[]).includes(value ?? '')
    ? (value as ComparisonInstrument)
    : 'phq-9';
}

export function fetchComparison(
  api: ApiClient,
  studyId: string,
  instrument: ComparisonInstrument,
  options?: RequestOptions,
): Promise<Comparison> {
  return api.request<Comparison>(
    'GET',
    `/studies/${encodeURIComponent(studyId)}/comparison?instrument=${instrument}`,
    undefined,
    options,
  );
}

import type { ApiClient, RequestOptions } from '../api/client';
import type { Language } from '../api/types';

// Typed wrappers for safety signals, "Needs attention" (see apps/api/docs/safety.md, apps/api/src/safety/dto).

/** The dashboard page the safety e-mails link to (apps/api/src/safety/safety-messages.ts NEEDS_ATTENTION_PATH). */
export const NEEDS_ATTENTION_PATH = '/needs-attention';

export const SIGNAL_FILTERS = ['open', 'acknowledged', 'all'] as const;
export type SignalFilter = (typeof SIGNAL_FILTERS)[number];
export type SignalStatus = 'open' | 'acknowledged';

/** An endorsed risk item: the API's neutral description of it, never the item's wording or the answer's words. */
export interface SignalItem {
  item: string;
  value: number;
  kind: string;
  label: string;
}

export interface SafetySignal {
  id: string;
  study: { id: string; title: string };
  participant: { id: string; code: string; withdrawn: boolean };
  instrument: { id: string; version: string };
  items: SignalItem[];
  createdAt: string;
  status: SignalStatus;
  acknowledgedBy: { id: string; displayName: string } | null;
  acknowledgedAt: string | null;
  note: string | null;
  escalatedAt: string | null;
}

export interface SafetySignalPage {
  items: SafetySignal[];
  total: number;
  limit: number;
  offset: number;
}

export interface SignalQuery {
  status: SignalFilter;
  studyId?: string;
  /** The labels' language: the interface's. */
  language: Language;
  limit: number;
  offset: number;
}

/** The note an acknowledgement needs: what was done (1–1000 characters, not blank). */
export const NOTE_MAX_LENGTH = 1000;

export function listSafetySignals(api: ApiClient, query: SignalQuery, options?: RequestOptions) {
  const params = new URLSearchParams({
    status: query.status,
    language: query.language,
    limit: String(query.limit),
    offset: String(query.offset),
  });
  if (query.studyId) params.set('studyId', query.studyId);
  return api.request<SafetySignalPage>('GET', `/safety-signals?${params.toString()}`, undefined, options);
}

export function acknowledgeSafetySignal(api: ApiClient, signalId: string, note: string, language: Language) {
  return api.request<SafetySignal>(
    'POST',
    `/safety-signals/${encodeURIComponent(signalId)}/acknowledge?language=${language}`,
    { note },
  );
}

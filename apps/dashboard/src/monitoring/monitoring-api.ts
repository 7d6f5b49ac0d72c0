import type { ApiClient, RequestOptions } from '../api/client';
import type { Language } from '../api/types';

// Typed wrappers for response monitoring (see apps/api/src/monitoring/dto).

export interface MonitoringCounts {
  participants: number;
  invited: number;
  opened: number;
  started: number;
  completed: number;
  startedNotFinished: number;
  overdue: number;
  /** completed / invited, 0–1; null when nobody was invited. */
  completionRate: number | null;
}

export interface MonitoringCohort extends MonitoringCounts {
  cohortId: string;
  cohortName: string;
}

export interface MonitoringTimepoint {
  timepointId: string;
  key: string;
  label: Partial<Record<Language, string>>;
  kind: string;
  position: number;
  dueRule: 'schedule' | 'expiry';
  cohorts: MonitoringCohort[];
  total: MonitoringCounts;
}

/** One published consent version and how many of the counted participants' latest consent is to it. */
export interface MonitoringConsentVersion {
  version: number;
  requiresReconsent: boolean;
  publishedAt: string;
  participants: number;
}

/** Consent per version, over the same participants as the counts (the timepoint filter does not apply). */
export interface MonitoringConsent {
  currentVersion: number | null;
  /** The newest version that asked everyone on an older one to consent again. */
  renewalVersion: number | null;
  /** Oldest first. */
  versions: MonitoringConsentVersion[];
  notConsented: number;
  /** Consented to a version older than renewalVersion and not yet again: they cannot answer until they do. */
  renewalPending: number;
  /** Withdrew by declining renewed consent (so in no other count). */
  declinedRenewal: number;
}

export interface Monitoring {
  studyId: string;
  asOf: string;
  timepoints: MonitoringTimepoint[];
  consent: MonitoringConsent;
}

export const TIMELINE_EVENT_TYPES = [
  'enrolled',
  'invited',
  'invitation_sent',
  'reminded',
  'message_failed',
  'opened',
  'consented',
  'declined',
  'consent_renewal_required',
  'started',
  'completed',
  'revoked',
  'expired',
  'session_logged',
  'withdrawn',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  timepointId: string | null;
  timepointKey: string | null;
  sessionNumber: number | null;
  invitationId: string | null;
  detail: string | null;
}

/** Where the participant stands with consent now. */
export interface TimelineConsent {
  status: 'none' | 'current' | 'renewal_required';
  /** Their latest consent. */
  version: number | null;
  consentedAt: string | null;
  /** The version to consent to again, when renewal_required. */
  renewalVersion: number | null;
}

export interface Timeline {
  participantId: string;
  code: string;
  status: 'active' | 'withdrawn';
  cohortId: string;
  events: TimelineEvent[];
  consent: TimelineConsent;
}

export interface MonitoringFilter {
  cohortId?: string;
  timepointId?: string;
}

const study = (studyId: string) => `/studies/${encodeURIComponent(studyId)}`;

export function getMonitoring(
  api: ApiClient,
  studyId: string,
  filter: MonitoringFilter,
  options?: RequestOptions,
) {
  const query = new URLSearchParams();
  if (filter.cohortId) query.set('cohortId', filter.cohortId);
  if (filter.timepointId) query.set('timepointId', filter.timepointId);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return api.request<Monitoring>('GET', `${study(studyId)}/monitoring${suffix}`, undefined, options);
}

export function getTimeline(
  api: ApiClient,
  studyId: string,
  participantId: string,
  options?: RequestOptions,
) {
  return api.request<Timeline>(
    'GET',
    `${study(studyId)}/participants/${encodeURIComponent(participantId)}/timeline`,
    undefined,
    options,
  );
}

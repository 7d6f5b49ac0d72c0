import type { ApiClient, RequestOptions } from '../api/client';
import type { Language, Study, StudyStatus } from '../api/types';

// Typed wrappers over the generic call for the set-up screens (see apps/api/src/studies, cohorts, protocol).

export type WithdrawalPolicy = 'erase_responses' | 'erase_link';
export type LocalizedText = Partial<Record<Language, string>>;

export interface StudyInput {
  title: string;
  description?: string;
  languages: Language[];
  withdrawalPolicy: WithdrawalPolicy;
  /** Creates consent version 1. */
  consentText?: LocalizedText;
}

export interface StudyPatch {
  title?: string;
  description?: string;
  languages?: Language[];
  withdrawalPolicy?: WithdrawalPolicy;
  status?: StudyStatus;
}

export interface Cohort {
  id: string;
  studyId: string;
  name: string;
  institutionId: string;
  institutionName: string;
  createdAt: string;
}

export const TIMEPOINT_KINDS = ['baseline', 'session', 'end', 'follow_up', 'other'] as const;
export type TimepointKind = (typeof TIMEPOINT_KINDS)[number];
export const RESPONDENTS = ['client', 'practitioner'] as const;
export type Respondent = (typeof RESPONDENTS)[number];

export interface ProtocolInstrument {
  instrumentId: string;
  instrumentVersion: string;
  respondent: Respondent;
}

export interface ProtocolTimepointInput {
  key: string;
  label: LocalizedText;
  kind: TimepointKind;
  offsetDays?: number | null;
  instruments: ProtocolInstrument[];
}

export interface Timepoint extends ProtocolTimepointInput {
  id: string;
  position: number;
  offsetDays: number | null;
}

export interface Protocol {
  studyId: string;
  timepoints: Timepoint[];
}

export interface ConsentVersion {
  id: string;
  version: number;
  text: LocalizedText;
  createdAt: string;
}

export interface InstrumentSummary {
  id: string;
  version: string;
  name: string;
  respondent: Respondent;
  languages: string[];
  licence: string;
  /** False for licensed instruments until the institution imports a text pack. */
  usable: boolean;
}

const study = (studyId: string) => `/studies/${encodeURIComponent(studyId)}`;

export function createStudy(api: ApiClient, input: StudyInput, options?: RequestOptions): Promise<Study> {
  return api.request<Study>('POST', '/studies', input, options);
}

export function updateStudy(api: ApiClient, studyId: string, patch: StudyPatch, options?: RequestOptions) {
  return api.request<Study>('PATCH', study(studyId), patch, options);
}

export async function listCohorts(
  api: ApiClient,
  studyId: string,
  options?: RequestOptions,
): Promise<Cohort[]> {
  return (await api.request<{ items: Cohort[] }>('GET', `${study(studyId)}/cohorts`, undefined, options))
    .items;
}

export function createCohort(api: ApiClient, studyId: string, name: string, options?: RequestOptions) {
  return api.request<Cohort>('POST', `${study(studyId)}/cohorts`, { name }, options);
}

export function renameCohort(
  api: ApiClient,
  studyId: string,
  cohortId: string,
  name: string,
  options?: RequestOptions,
) {
  return api.request<Cohort>(
    'PATCH',
    `${study(studyId)}/cohorts/${encodeURIComponent(cohortId)}`,
    { name },
    options,
  );
}

export function getProtocol(api: ApiClient, studyId: string, options?: RequestOptions): Promise<Protocol> {
  return api.request<Protocol>('GET', `${study(studyId)}/protocol`, undefined, options);
}

export function putProtocol(
  api: ApiClient,
  studyId: string,
  timepoints: ProtocolTimepointInput[],
  options?: RequestOptions,
): Promise<Protocol> {
  return api.request<Protocol>('PUT', `${study(studyId)}/protocol`, { timepoints }, options);
}

export async function listConsentVersions(api: ApiClient, studyId: string, options?: RequestOptions) {
  return (
    await api.request<{ items: ConsentVersion[] }>(
      'GET',
      `${study(studyId)}/consent-versions`,
      undefined,
      options,
    )
  ).items;
}

export function addConsentVersion(
  api: ApiClient,
  studyId: string,
  text: LocalizedText,
  options?: RequestOptions,
) {
  return api.request<ConsentVersion>('POST', `${study(studyId)}/consent-versions`, { text }, options);
}

export async function listInstruments(
  api: ApiClient,
  options?: RequestOptions,
): Promise<InstrumentSummary[]> {
  return (await api.request<{ items: InstrumentSummary[] }>('GET', '/instruments', undefined, options)).items;
}

/** A timepoint's e-mail schedule (apps/api/src/messaging). */
export interface Schedule {
  timepointId: string;
  enabled: boolean;
  inviteOffsetDays: number;
  reminderDays: number[];
  expiresInDays: number;
  dueAfterDays: number | null;
  /** The due day the monitoring uses (days after the invitation). */
  effectiveDueAfterDays: number;
  updatedAt: string | null;
}

export interface ScheduleInput {
  enabled: boolean;
  inviteOffsetDays: number;
  reminderDays: number[];
  expiresInDays?: number;
  dueAfterDays?: number | null;
}

const schedulePath = (studyId: string, timepointId: string) =>
  `${study(studyId)}/timepoints/${encodeURIComponent(timepointId)}/schedule`;

export function getSchedule(api: ApiClient, studyId: string, timepointId: string, options?: RequestOptions) {
  return api.request<Schedule>('GET', schedulePath(studyId, timepointId), undefined, options);
}

export function putSchedule(api: ApiClient, studyId: string, timepointId: string, input: ScheduleInput) {
  return api.request<Schedule>('PUT', schedulePath(studyId, timepointId), input);
}

import type { ApiClient, RequestOptions } from '../api/client';
import type { FormOfAddress, Language, LocalizedText, Role, Study, StudyStatus } from '../api/types';

// Typed wrappers over the generic call for the set-up screens (see apps/api/src/studies, cohorts, protocol).

export type { LocalizedText } from '../api/types';
export type WithdrawalPolicy = 'erase_responses' | 'erase_link';

export interface StudyInput {
  /** One text per study language (the API also takes one string meaning the same text in every language). */
  title: LocalizedText;
  description?: LocalizedText;
  formOfAddress?: FormOfAddress;
  languages: Language[];
  withdrawalPolicy: WithdrawalPolicy;
  /** Creates consent version 1. */
  consentText?: LocalizedText;
}

export interface StudyPatch {
  /** Replaces every language's title. */
  title?: LocalizedText;
  /** Replaces every language's description; `{}` removes it. */
  description?: LocalizedText;
  formOfAddress?: FormOfAddress;
  languages?: Language[];
  withdrawalPolicy?: WithdrawalPolicy;
  status?: StudyStatus;
  /** A member of the owning institution, or null to remove (refused while the protocol needs one). */
  safetyContactUserId?: string | null;
  /** The languages given replace the current texts; the others stay. */
  safetyHelpText?: LocalizedText;
}

export interface Cohort {
  id: string;
  studyId: string;
  name: string;
  institutionId: string;
  institutionName: string;
  createdAt: string;
  /** A partner cohort's own safety contact, shown to the cohort's institution only. */
  safetyContactUserId?: string | null;
}

/** A member of the active institution (GET /api/users): who may be named safety contact. */
export interface StaffMember {
  userId: string;
  email: string;
  displayName: string;
  /** 'active' | 'invited' | 'disabled'. */
  status: string;
  role: Role;
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
  /** Everyone who consented to an older version was asked to consent again. */
  requiresReconsent?: boolean;
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

export interface ConsentVersionInput {
  text: LocalizedText;
  /** Participants who consented to an older version must consent to this one before answering again. */
  requiresReconsent: boolean;
}

export function addConsentVersion(
  api: ApiClient,
  studyId: string,
  input: ConsentVersionInput,
  options?: RequestOptions,
) {
  return api.request<ConsentVersion>('POST', `${study(studyId)}/consent-versions`, input, options);
}

/** The active institution's staff (admins and researchers may list them). */
export async function listStaff(api: ApiClient, options?: RequestOptions): Promise<StaffMember[]> {
  return (await api.request<{ items: StaffMember[] }>('GET', '/users', undefined, options)).items;
}

/** A partner institution names (or removes, with null) the safety contact of its own cohort. */
export function setCohortSafetyContact(
  api: ApiClient,
  studyId: string,
  cohortId: string,
  userId: string | null,
  options?: RequestOptions,
) {
  return api.request<Cohort>(
    'PUT',
    `${study(studyId)}/cohorts/${encodeURIComponent(cohortId)}/safety-contact`,
    { userId },
    options,
  );
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

import { ApiError, CLIENT_ERROR_CODES, apiErrorFromBody } from '../api/api-error';
import type { ApiClient, RequestOptions } from '../api/client';

// Typed wrappers for enrolment and invitation links (see apps/api/src/participants and invitations).

export type ParticipantStatus = 'active' | 'withdrawn';
export type InvitationStatus = 'open' | 'started' | 'completed' | 'expired' | 'revoked';

export interface Participant {
  id: string;
  studyId: string;
  cohortId: string;
  code: string;
  practitionerId: string | null;
  status: ParticipantStatus;
  enrolledAt: string;
}

export interface ParticipantPage {
  items: Participant[];
  total: number;
}

export interface EnrolmentInput {
  cohortId: string;
  code?: string;
  practitionerId?: string;
}

export interface Invitation {
  id: string;
  participantId: string;
  timepointId: string;
  sessionNumber: number | null;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
}

/** A new invitation: the only answer that holds the link. */
export interface CreatedInvitation extends Invitation {
  url: string;
}

export interface InvitationInput {
  participantId: string;
  timepointId: string;
  sessionNumber?: number;
  expiresInDays?: number;
}

export interface InvitationBatchInput {
  timepointId: string;
  sessionNumber?: number;
  expiresInDays?: number;
}

export interface InvitationBatch {
  created: number;
  skipped: number;
  items: (CreatedInvitation & { participantCode: string })[];
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  status: string;
  role: string;
}

/** One problem in an uploaded CSV, as the API reports it (the header is row 1; row 0 is the file itself). */
export interface CsvRowError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportResult {
  created: number;
  items: Participant[];
}

const study = (studyId: string) => `/studies/${encodeURIComponent(studyId)}`;

export function listParticipants(
  api: ApiClient,
  studyId: string,
  page: { limit: number; offset: number },
  options?: RequestOptions,
): Promise<ParticipantPage> {
  const query = `?limit=${page.limit}&offset=${page.offset}`;
  return api.request<ParticipantPage>('GET', `${study(studyId)}/participants${query}`, undefined, options);
}

export function enrolParticipant(api: ApiClient, studyId: string, input: EnrolmentInput) {
  return api.request<Participant>('POST', `${study(studyId)}/participants`, input);
}

export async function listInvitations(
  api: ApiClient,
  studyId: string,
  filter: { participantId?: string } = {},
  options?: RequestOptions,
): Promise<Invitation[]> {
  const query = filter.participantId ? `?participantId=${encodeURIComponent(filter.participantId)}` : '';
  const path = `${study(studyId)}/invitations${query}`;
  return (await api.request<{ items: Invitation[] }>('GET', path, undefined, options)).items;
}

export function createInvitation(api: ApiClient, studyId: string, input: InvitationInput) {
  return api.request<CreatedInvitation>('POST', `${study(studyId)}/invitations`, input);
}

export function createInvitationBatch(api: ApiClient, studyId: string, input: InvitationBatchInput) {
  return api.request<InvitationBatch>('POST', `${study(studyId)}/invitations/batch`, input);
}

export function revokeInvitation(api: ApiClient, studyId: string, invitationId: string) {
  return api.request<Invitation>(
    'POST',
    `${study(studyId)}/invitations/${encodeURIComponent(invitationId)}/revoke`,
  );
}

export async function listPractitioners(api: ApiClient, options?: RequestOptions): Promise<Member[]> {
  return (await api.request<{ items: Member[] }>('GET', '/users?role=practitioner', undefined, options))
    .items;
}

/** A refused CSV upload: the API's error plus its per-row report. */
export class CsvUploadError extends ApiError {
  constructor(
    error: ApiError,
    readonly rows: readonly CsvRowError[],
  ) {
    super(error.status, error.code, error.message, error.fieldErrors, error.correlationId);
  }
}

export interface UploadOptions {
  /** Fraction of the file sent so far, 0 to 1. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

function parseRows(body: unknown): CsvRowError[] {
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown): CsvRowError[] => {
    const { row: number, column, reason } = (row ?? {}) as Record<string, unknown>;
    return typeof number === 'number' && typeof column === 'string' && typeof reason === 'string'
      ? [{ row: number, column, reason }]
      : [];
  });
}

function parseBody(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * Sends an enrolment CSV as multipart form data. XMLHttpRequest rather than fetch, because only it reports how
 * much of the body has been sent. Rejects with a CsvUploadError when the API refuses the file.
 */
export function uploadEnrolmentCsv(
  api: ApiClient,
  studyId: string,
  file: Blob,
  fileName: string,
  options: UploadOptions = {},
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api.url(`${study(studyId)}/participants/import`));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.addEventListener('loadstart', () => options.onProgress?.(0));
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) {
        options.onProgress?.(1);
        resolve(body as ImportResult);
        return;
      }
      const error =
        xhr.status >= 200 && xhr.status < 300
          ? new ApiError(xhr.status, CLIENT_ERROR_CODES.invalidResponse, 'The server sent no JSON.')
          : apiErrorFromBody(xhr.status, xhr.statusText, body);
      reject(new CsvUploadError(error, parseRows(body)));
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'The server could not be reached.')),
    );
    xhr.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, fileName);
    xhr.send(form);
  });
}

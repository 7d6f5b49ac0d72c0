import { isApiError } from '../api/api-error';
import type { ApiClient, RequestOptions } from '../api/client';
import type { Language } from '../api/types';

// Contact details live apart from the answers (apps/api/src/messaging): erasable, never exported.

export interface Contact {
  participantId: string;
  email: string;
  phone: string | null;
  preferredLanguage: Language | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  email: string;
  phone?: string | null;
  preferredLanguage?: Language | null;
}

const path = (studyId: string, participantId: string) =>
  `/studies/${encodeURIComponent(studyId)}/participants/${encodeURIComponent(participantId)}/contact`;

/** The contact details, or null when none are stored (the API answers 404 then). */
export async function getContact(
  api: ApiClient,
  studyId: string,
  participantId: string,
  options?: RequestOptions,
) {
  try {
    return await api.request<Contact>('GET', path(studyId, participantId), undefined, options);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function putContact(api: ApiClient, studyId: string, participantId: string, input: ContactInput) {
  return api.request<Contact>('PUT', path(studyId, participantId), input);
}

export function deleteContact(api: ApiClient, studyId: string, participantId: string) {
  return api.request<void>('DELETE', path(studyId, participantId));
}

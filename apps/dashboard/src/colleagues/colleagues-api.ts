import type { ApiClient, RequestOptions } from '../api/client';
import type { Role } from '../api/types';

// Typed wrappers for staff management in the active institution (GET/POST /api/users, invitations, roles).
// Colleagues join by invitation only: the admin names an address, the person accepts the e-mailed link.

export const ROLES: readonly Role[] = ['institution_admin', 'researcher', 'practitioner'];

export interface Colleague {
  userId: string;
  email: string;
  displayName: string;
  /** 'active' | 'invited' | 'disabled' today; shown as sent when the API adds one. */
  status: string;
  role: Role;
}

export interface InvitationInput {
  email: string;
  role: Role;
  displayName?: string;
}

/** The answer to an invitation: the same whether or not the address has an account anywhere. */
export interface SentInvitation {
  invitationId: string;
  email: string;
  role: Role;
  displayName: string | null;
  status: 'invited';
  expiresAt: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export async function listColleagues(api: ApiClient, options?: RequestOptions): Promise<Colleague[]> {
  return (await api.request<{ items: Colleague[] }>('GET', '/users', undefined, options)).items;
}

export async function listPendingInvitations(
  api: ApiClient,
  options?: RequestOptions,
): Promise<PendingInvitation[]> {
  return (await api.request<{ items: PendingInvitation[] }>('GET', '/users/invitations', undefined, options))
    .items;
}

export function inviteColleague(api: ApiClient, input: InvitationInput): Promise<SentInvitation> {
  return api.request<SentInvitation>('POST', '/users', input);
}

export function revokeStaffInvitation(api: ApiClient, invitationId: string): Promise<void> {
  return api.request<void>('DELETE', `/users/invitations/${encodeURIComponent(invitationId)}`);
}

export function changeColleagueRole(api: ApiClient, userId: string, role: Role): Promise<Colleague> {
  return api.request<Colleague>('PATCH', `/users/${encodeURIComponent(userId)}/role`, { role });
}

import type { ApiClient, RequestOptions } from '../api/client';
import type { Role } from '../api/types';

// The two public calls behind an e-mailed staff invitation link (no session needed).

/** What the invitation is for; `accountExists` picks the form (new password, or the existing one). */
export interface InvitationDetails {
  email: string;
  institutionName: string;
  role: Role;
  accountExists: boolean;
  displayName: string | null;
}

export interface AcceptInput {
  token: string;
  password: string;
  /** Only for a new account. */
  displayName?: string;
}

export function inspectInvitation(
  api: ApiClient,
  token: string,
  options?: RequestOptions,
): Promise<InvitationDetails> {
  return api.request<InvitationDetails>('POST', '/auth/invitation', { token }, options);
}

export function acceptInvitation(api: ApiClient, input: AcceptInput): Promise<void> {
  return api.request<void>('POST', '/auth/accept-invitation', input);
}

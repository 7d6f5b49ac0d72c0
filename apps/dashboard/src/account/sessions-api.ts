import type { ApiClient, RequestOptions } from '../api/client';

// The signed-in person's own sessions (GET/DELETE /api/auth/sessions, POST /api/auth/sessions/end-others).

export interface StaffSession {
  id: string;
  createdAt: string;
  expiresAt: string;
  /** As the browser sent it at login; null when it sent none. */
  userAgent: string | null;
  /** The session this browser is using. */
  current: boolean;
}

export async function listSessions(api: ApiClient, options?: RequestOptions): Promise<StaffSession[]> {
  return (await api.request<{ items: StaffSession[] }>('GET', '/auth/sessions', undefined, options)).items;
}

export function endSession(api: ApiClient, sessionId: string): Promise<void> {
  return api.request<void>('DELETE', `/auth/sessions/${encodeURIComponent(sessionId)}`);
}

export function endOtherSessions(api: ApiClient): Promise<{ ended: number }> {
  return api.request<{ ended: number }>('POST', '/auth/sessions/end-others');
}

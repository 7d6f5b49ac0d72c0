/**
 * The staff session cookie: set at login, read by the AuthGuard, which resolves it into the AuthContext that
 * routes receive (common/current-auth.ts).
 */
export const SESSION_COOKIE = 'klik_session';

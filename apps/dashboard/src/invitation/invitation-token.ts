// The e-mailed link is `<public URL>/accept-invitation#<token>`: a fragment never reaches a server log or a
// Referer header. The page reads it once and then takes it out of the address bar and the history entry.

export const ACCEPT_INVITATION_PATH = '/accept-invitation';

/** The token in a location hash (`#<token>`, tolerating `#token=<token>`), or '' when there is none. */
export function tokenFromHash(hash: string): string {
  const raw = hash.replace(/^#/, '').replace(/^token=/, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/**
 * Replaces the current history entry with the bare path, so the token is no longer in the address bar, in the
 * back/forward history, or in a bookmark or screenshot made from here on.
 */
export function removeTokenFromAddress(): void {
  if (window.location.hash) window.history.replaceState(null, '', ACCEPT_INVITATION_PATH);
}

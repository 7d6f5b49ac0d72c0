import type { ApiClient } from '../api/client';
import type { Role, Session, Study } from '../api/types';

/** What every study section receives from the workspace. */
export interface StudySectionProps {
  api: ApiClient;
  study: Study;
  session: Session;
  /** The user's role in the active institution. */
  role: Role;
  /** The query string of the current address (filters live there, so a view can be linked). */
  search: string;
  /** A section that changed the study (title, status, ...) hands the new version back. */
  onStudyChange(study: Study): void;
  /** The session ended on the server (expired, logged out elsewhere). */
  onUnauthenticated(): void;
}

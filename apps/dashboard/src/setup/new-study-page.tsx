import type { ApiClient } from '../api/client';
import type { Session, Study } from '../api/types';
import { useI18n } from '../i18n';

export interface NewStudyPageProps {
  api: ApiClient;
  session: Session;
  /** Called with the created study; the app then opens its workspace. */
  onCreated(study: Study): void;
  onUnauthenticated(): void;
}

// PLACEHOLDER written by the lead for the workspace skeleton: the owner of this folder replaces it.
export function NewStudyPage(_props: NewStudyPageProps) {
  const { t } = useI18n();
  return <h1>{t('setup.title')}</h1>;
}

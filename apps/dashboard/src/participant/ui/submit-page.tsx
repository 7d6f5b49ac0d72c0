import { MessagePage } from './message-page';
import type { Translate } from './translator';

/** Why the answers are not through yet: on their way, offline, the server in trouble, or refused. */
export type SubmitProblem = 'none' | 'offline' | 'server' | 'refused';

export interface SubmitPageProps {
  t: Translate;
  problem: SubmitProblem;
  /** Try now instead of waiting for the next automatic attempt. */
  onRetry(): void;
}

/** While the answers are sent: offline or after a server error they are sent again by themselves, same key. */
export function SubmitPage({ t, problem, onRetry }: SubmitPageProps) {
  if (problem === 'refused') {
    return (
      <MessagePage title={t('errorTitle')}>
        <p role="alert" className="take-error">
          {t('submitRefused')}
        </p>
      </MessagePage>
    );
  }
  return (
    <MessagePage title={t('submitting')}>
      {problem === 'offline' && <p className="take-emphasis">{t('submitOffline')}</p>}
      {problem === 'server' && (
        <p role="alert" className="take-error">
          {t('submitFailed')}
        </p>
      )}
      {problem !== 'none' && (
        <button type="button" className="take-button take-button-primary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      )}
    </MessagePage>
  );
}

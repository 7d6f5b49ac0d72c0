import type { ReactNode } from 'react';
import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useI18n } from '../i18n';

export interface AnalysisStatusProps<T> {
  state: LoadState<T>;
  onRetry(): void;
  children(data: T): ReactNode;
}

/** Loading and error states of one analysis request; the loaded data goes to `children`. */
export function AnalysisStatus<T>({ state, onRetry, children }: AnalysisStatusProps<T>) {
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('analyses.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="alert alert-error" role="alert">
        <p>
          {t('analyses.loadFailed')} {errorMessage(state.error, t)}
        </p>
        <button type="button" className="button" onClick={onRetry}>
          {t('analyses.retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

/** The sentence shown instead of a chart whose statistic is suppressed. */
export function SuppressedNotice({ minN }: { minN: number }) {
  const { t } = useI18n();
  return (
    <p className="empty analysis-suppressed" data-state="suppressed">
      {t('analyses.suppressed', { minN })}
    </p>
  );
}

export function EmptyNotice() {
  const { t } = useI18n();
  return (
    <p className="empty" data-state="empty">
      {t('analyses.empty')}
    </p>
  );
}

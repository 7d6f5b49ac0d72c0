import type { Study } from '../api/types';
import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { StudyList } from './study-list';

export interface StudiesPageProps {
  institutionName: string;
  state: LoadState<readonly Study[]>;
  onRetry(): void;
  /** Researchers and admins may start a study (the API refuses practitioners anyway). */
  canCreate?: boolean;
}

export function StudiesPage({ institutionName, state, onRetry, canCreate = true }: StudiesPageProps) {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="studies-heading" aria-busy={state.status === 'loading'}>
      <header className="page-header">
        <h1 id="studies-heading">{t('studies.title')}</h1>
        <p className="muted">
          {institutionName}
          {state.status === 'loaded' && (
            <>
              {' · '}
              {state.data.length === 1
                ? t('studies.count.one')
                : t('studies.count.other', { count: state.data.length })}
            </>
          )}
        </p>
        {canCreate && (
          <Link to="/studies/new" className="button button-primary">
            {t('setup.new.title')}
          </Link>
        )}
      </header>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('studies.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('studies.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={onRetry}>
            {t('studies.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' &&
        (state.data.length === 0 ? (
          <p className="empty">{t('studies.empty')}</p>
        ) : (
          <StudyList studies={state.data} />
        ))}
    </section>
  );
}

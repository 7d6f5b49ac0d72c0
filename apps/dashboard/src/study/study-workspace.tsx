import { Suspense, useEffect } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Role, Session, Study } from '../api/types';
import { errorMessage } from '../app/error-message';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { StudyTextView } from '../studies/study-text-view';
import { DEFAULT_SECTION, sectionsFor, studyPath } from './study-sections';

export interface StudyWorkspaceProps {
  api: ApiClient;
  session: Session;
  role: Role;
  studyId: string;
  /** The section in the address, if any; an unknown or hidden one falls back to the default. */
  section: string | null;
  search: string;
  onUnauthenticated(): void;
}

/** Loads one study and shows its sections: a navigation bar and the chosen section, loaded lazily. */
export function StudyWorkspace({
  api,
  session,
  role,
  studyId,
  section,
  search,
  onUnauthenticated,
}: StudyWorkspaceProps) {
  const { t } = useI18n();
  // The institution is part of the key: a switch reloads the study (it may not be visible there).
  const { state, setState, retry } = useLoad<Study>(
    `${studyId}|${session.activeInstitutionId}`,
    (signal) => api.getStudy(studyId, { signal }),
    onUnauthenticated,
  );

  const sections = sectionsFor(role);
  const active =
    sections.find((candidate) => candidate.key === section) ??
    sections.find((candidate) => candidate.key === DEFAULT_SECTION) ??
    sections[0];

  // Keep the address on a section the user can see.
  useEffect(() => {
    if (state.status === 'loaded' && active && section !== active.key) {
      navigate(studyPath(studyId, active.key) + search, { replace: true });
    }
  }, [state.status, active, section, studyId, search]);

  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('study.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    const notFound = isApiError(state.error) && state.error.status === 404;
    return (
      <div className="alert alert-error" role="alert">
        <p>{notFound ? t('study.notFound') : `${t('study.loadFailed')} ${errorMessage(state.error, t)}`}</p>
        {!notFound && (
          <button type="button" className="button" onClick={retry}>
            {t('studies.retry')}
          </button>
        )}
        <p>
          <Link to="/">{t('study.backToStudies')}</Link>
        </p>
      </div>
    );
  }

  const study = state.data;
  const Section = active.component;
  return (
    <section className="page study-workspace" aria-labelledby="study-heading">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/">{t('study.backToStudies')}</Link>
        </p>
        <h1 id="study-heading">
          <StudyTextView text={study.title} languages={study.languages} />
        </h1>
        <p className="muted">
          <span className={`badge badge-${study.status}`}>{t(`status.${study.status}`)}</span>
        </p>
      </header>
      <nav className="study-nav" aria-label={t('study.sections')}>
        <ul>
          {sections.map((candidate) => (
            <li key={candidate.key}>
              <Link
                to={studyPath(study.id, candidate.key)}
                aria-current={candidate.key === active.key ? 'page' : undefined}
              >
                {t(candidate.titleKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="study-section">
        <Suspense
          fallback={
            <p className="loading" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('study.sectionLoading')}
            </p>
          }
        >
          <Section
            api={api}
            study={study}
            session={session}
            role={role}
            search={search}
            onStudyChange={(changed) => setState({ status: 'loaded', data: changed })}
            onUnauthenticated={onUnauthenticated}
          />
        </Suspense>
      </div>
    </section>
  );
}

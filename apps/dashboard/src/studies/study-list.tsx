import type { Study } from '../api/types';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { studyPath } from '../study/study-sections';
import { studyText } from './study-text';
import { StudyTextView } from './study-text-view';

export interface StudyListProps {
  studies: readonly Study[];
}

export function StudyList({ studies }: StudyListProps) {
  const { t, formatDate, language } = useI18n();
  return (
    <ul className="study-list">
      {studies.map((study) => {
        const headingId = `study-${study.id}-title`;
        return (
          <li key={study.id}>
            <article className="card study-card" aria-labelledby={headingId}>
              <h2 id={headingId}>
                <Link to={studyPath(study.id)}>
                  <StudyTextView text={study.title} languages={study.languages} />
                </Link>
              </h2>
              {studyText(study.description, language, study.languages).text && (
                <p className="study-description">
                  <StudyTextView text={study.description} languages={study.languages} />
                </p>
              )}
              <dl className="study-facts">
                <div>
                  <dt>{t('studies.status')}</dt>
                  <dd>
                    <span className={`badge badge-${study.status}`}>{t(`status.${study.status}`)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('studies.languages')}</dt>
                  <dd>{study.languages.map((language) => t(`languageName.${language}`)).join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('studies.created')}</dt>
                  <dd>
                    <time dateTime={study.createdAt}>{formatDate(study.createdAt)}</time>
                  </dd>
                </div>
              </dl>
            </article>
          </li>
        );
      })}
    </ul>
  );
}

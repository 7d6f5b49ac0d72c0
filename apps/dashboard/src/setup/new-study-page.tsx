import { useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Session, Study } from '../api/types';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { createStudy, type StudyInput } from './setup-api';
import { StudyDetailsForm } from './study-details-form';
import './setup.css';

export interface NewStudyPageProps {
  api: ApiClient;
  session: Session;
  /** Called with the created study; the app then opens its workspace. */
  onCreated(study: Study): void;
  onUnauthenticated(): void;
}

/** Starts a study: it is created as a draft, and set up further in its workspace. */
export function NewStudyPage({ api, onCreated, onUnauthenticated }: NewStudyPageProps) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(input: StudyInput) {
    setSubmitting(true);
    setError(null);
    try {
      onCreated(await createStudy(api, input));
    } catch (caught) {
      if (isApiError(caught) && caught.status === 401) onUnauthenticated();
      else setError(caught);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="page" aria-labelledby="new-study-heading">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/">{t('study.backToStudies')}</Link>
        </p>
        <h1 id="new-study-heading">{t('setup.new.title')}</h1>
        <p className="muted">{t('setup.new.intro')}</p>
      </header>
      <div className="card">
        <StudyDetailsForm
          mode="create"
          initial={{
            title: {},
            description: {},
            formOfAddress: 'je',
            languages: ['nl', 'en'],
            withdrawalPolicy: 'erase_responses',
          }}
          submitting={submitting}
          error={error}
          onSubmit={(input) => void submit(input)}
        />
      </div>
    </section>
  );
}

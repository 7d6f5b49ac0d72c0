import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { FormAlert, TextField, useFocusOnError } from './form-controls';
import type { Cohort } from './setup-api';

export interface CohortsPanelProps {
  cohorts: readonly Cohort[];
  canEdit: boolean;
  /** Resolve when saved; reject with the API's error, which the panel shows. */
  onAdd(name: string): Promise<void>;
  onRename(cohortId: string, name: string): Promise<void>;
}

/** The study's cohorts (sites): add one, rename one. */
export function CohortsPanel({ cohorts, canEdit, onAdd, onRename }: CohortsPanelProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string; error: unknown } | null>(null);
  useFocusOnError(formRef, error);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onAdd(name.trim());
      setName('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!renaming) return;
    setBusy(true);
    try {
      await onRename(renaming.id, renaming.name.trim());
      setRenaming(null);
    } catch (caught) {
      setRenaming({ ...renaming, error: caught });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card setup-panel" aria-labelledby="setup-cohorts-heading">
      <h3 id="setup-cohorts-heading">{t('setup.cohorts.title')}</h3>
      {cohorts.length === 0 ? (
        <p className="empty">{t('setup.cohorts.empty')}</p>
      ) : (
        <ul className="plain-list">
          {cohorts.map((cohort) =>
            renaming?.id === cohort.id ? (
              <li key={cohort.id}>
                <form className="form form-inline" onSubmit={(event) => void rename(event)} noValidate>
                  <FormAlert error={renaming.error} shownFields={['name']} />
                  <TextField
                    label={t('setup.cohorts.newName', { name: cohort.name })}
                    field="name"
                    value={renaming.name}
                    onChange={(value) => setRenaming({ ...renaming, name: value })}
                    error={renaming.error}
                    required
                    maxLength={120}
                  />
                  <div className="button-row">
                    <button type="submit" className="button button-primary" disabled={busy}>
                      {t('setup.save')}
                    </button>
                    <button type="button" className="button" onClick={() => setRenaming(null)}>
                      {t('setup.cancel')}
                    </button>
                  </div>
                </form>
              </li>
            ) : (
              <li key={cohort.id} className="list-row">
                <span>
                  <strong>{cohort.name}</strong> <span className="muted">· {cohort.institutionName}</span>
                </span>
                {canEdit && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('setup.cohorts.renameLabel', { name: cohort.name })}
                    onClick={() => setRenaming({ id: cohort.id, name: cohort.name, error: null })}
                  >
                    {t('setup.cohorts.rename')}
                  </button>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit && (
        <form ref={formRef} className="form form-inline" onSubmit={(event) => void add(event)} noValidate>
          <FormAlert error={error} shownFields={['name']} />
          <TextField
            label={t('setup.cohorts.name')}
            field="name"
            value={name}
            onChange={setName}
            error={error}
            required
            maxLength={120}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('setup.cohorts.add')}
          </button>
        </form>
      )}
    </section>
  );
}

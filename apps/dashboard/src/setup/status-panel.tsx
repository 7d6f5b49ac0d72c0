import { useState } from 'react';
import { isApiError } from '../api/api-error';
import type { Study, StudyStatus } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { FormAlert } from './form-controls';
import type { MissingItem } from './study-readiness';

export interface StatusPanelProps {
  study: Study;
  /** What a draft still needs before recruiting; null while the set-up loads. */
  missing: readonly MissingItem[] | null;
  busy: boolean;
  error: unknown;
  onChange(status: StudyStatus): void;
}

const MISSING_KEYS: Record<MissingItem['key'], MessageKey> = {
  title: 'setup.ready.title',
  description: 'setup.ready.description',
  consent: 'setup.ready.consent',
  consentLanguage: 'setup.ready.consentLanguage',
  cohort: 'setup.ready.cohort',
  protocol: 'setup.ready.protocol',
  contact: 'setup.ready.contact',
  helpText: 'setup.ready.helpText',
};

/** draft → recruiting → closed; says what a draft still needs; closing asks once more, since it cannot be undone. */
export function StatusPanel({ study, missing, busy, error, onChange }: StatusPanelProps) {
  const { t } = useI18n();
  const [confirmClose, setConfirmClose] = useState(false);
  const describe = (item: MissingItem) =>
    t(MISSING_KEYS[item.key], {
      language: 'language' in item ? t(`languageName.${item.language}`) : '',
    });
  const refusedAsNotReady = isApiError(error) && error.code === 'study_not_ready';
  return (
    <section className="card setup-panel" aria-labelledby="setup-status-heading">
      <h3 id="setup-status-heading">{t('setup.status.title')}</h3>
      <p>
        {t('setup.status.current')}{' '}
        <span className={`badge badge-${study.status}`}>{t(`status.${study.status}`)}</span>
      </p>
      <p className="muted">{t(`setup.status.explain.${study.status}`)}</p>
      {study.status === 'draft' && missing && missing.length > 0 && (
        <div className="notice notice-warning">
          <p id="setup-missing-heading">
            <strong>{t('setup.ready.intro')}</strong>
          </p>
          <ul aria-labelledby="setup-missing-heading">
            {missing.map((item) => (
              <li key={`${item.key}-${'language' in item ? item.language : ''}`}>{describe(item)}</li>
            ))}
          </ul>
        </div>
      )}
      <FormAlert
        error={error}
        shownFields={['safetyContactUserId', 'safetyHelpText.nl', 'safetyHelpText.en']}
      />
      {refusedAsNotReady && missing?.length === 0 && (
        // The page saw nothing missing, so the API knows something it does not: its own words.
        <p className="muted" lang="en">
          {isApiError(error) ? error.message : ''}
        </p>
      )}
      <div className="button-row">
        {study.status === 'draft' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => onChange('recruiting')}
          >
            {t('setup.status.startRecruiting')}
          </button>
        )}
        {study.status !== 'closed' && !confirmClose && (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirmClose(true)}>
            {t('setup.status.close')}
          </button>
        )}
      </div>
      {confirmClose && study.status !== 'closed' && (
        <div className="confirm" role="group" aria-labelledby="setup-close-question">
          <p id="setup-close-question">{t('setup.status.closeQuestion')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => {
                setConfirmClose(false);
                onChange('closed');
              }}
            >
              {t('setup.status.closeConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmClose(false)}>
              {t('setup.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { Study, StudyStatus } from '../api/types';
import { useI18n } from '../i18n';
import { FormAlert } from './form-controls';

export interface StatusPanelProps {
  study: Study;
  busy: boolean;
  error: unknown;
  onChange(status: StudyStatus): void;
}

/** draft → recruiting → closed; closing asks once more, since it cannot be undone. */
export function StatusPanel({ study, busy, error, onChange }: StatusPanelProps) {
  const { t } = useI18n();
  const [confirmClose, setConfirmClose] = useState(false);
  return (
    <section className="card setup-panel" aria-labelledby="setup-status-heading">
      <h3 id="setup-status-heading">{t('setup.status.title')}</h3>
      <p>
        {t('setup.status.current')}{' '}
        <span className={`badge badge-${study.status}`}>{t(`status.${study.status}`)}</span>
      </p>
      <p className="muted">{t(`setup.status.explain.${study.status}`)}</p>
      <FormAlert error={error} />
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

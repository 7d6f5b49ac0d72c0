import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, TextField, useFocusOnError } from '../setup/form-controls';
import type { Timepoint } from '../setup/setup-api';
import { csvBlob, linksCsv, linksFileName } from './links-csv';
import type { InvitationBatch, InvitationBatchInput } from './participants-api';

export interface BatchLinksPanelProps {
  studyTitle: string;
  timepoints: readonly Timepoint[];
  disabled?: boolean;
  onCreate(input: InvitationBatchInput): Promise<InvitationBatch>;
}

interface Made {
  batch: InvitationBatch;
  timepoint: Timepoint;
  sessionNumber: number | null;
  /** Object URL of the CSV file; revoked when replaced or unmounted. */
  fileUrl: string | null;
}

/** Makes the links of one timepoint for everyone who has none yet, and offers them as a CSV file. */
export function BatchLinksPanel({ studyTitle, timepoints, disabled, onCreate }: BatchLinksPanelProps) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [timepointId, setTimepointId] = useState(timepoints[0]?.id ?? '');
  const [sessionNumber, setSessionNumber] = useState('1');
  const [expiresInDays, setExpiresInDays] = useState('30');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<Made | null>(null);
  useFocusOnError(formRef, error);
  const timepoint = timepoints.find((candidate) => candidate.id === timepointId);
  const fileUrl = made?.fileUrl;
  useEffect(
    () => () => {
      if (fileUrl) URL.revokeObjectURL(fileUrl);
    },
    [fileUrl],
  );
  const isSession = timepoint?.kind === 'session';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!timepoint) return;
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      const session = isSession ? Number(sessionNumber) : null;
      const batch = await onCreate({
        timepointId: timepoint.id,
        ...(session === null ? {} : { sessionNumber: session }),
        expiresInDays: Number(expiresInDays),
      });
      const fileUrl = batch.created > 0 ? URL.createObjectURL(csvBlob(linksCsv(batch, timepoint.key))) : null;
      setMade({ batch, timepoint, sessionNumber: session, fileUrl });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card participants-panel" aria-labelledby="batch-links-heading">
      <h3 id="batch-links-heading">{t('participants.batch.title')}</h3>
      <p className="muted">{t('participants.batch.intro')}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert error={error} shownFields={['timepointId', 'sessionNumber', 'expiresInDays']} />
        <div className="field-grid">
          <SelectField
            label={t('participants.timepoint')}
            field="timepointId"
            value={timepointId}
            onChange={setTimepointId}
            error={error}
            options={timepoints.map((candidate) => ({
              value: candidate.id,
              label: candidate.label[language] ?? candidate.key,
            }))}
          />
          {isSession && (
            <TextField
              type="number"
              label={t('participants.sessionNumber')}
              field="sessionNumber"
              value={sessionNumber}
              onChange={setSessionNumber}
              error={error}
              min={1}
              max={1000}
            />
          )}
          <TextField
            type="number"
            label={t('participants.expiresInDays')}
            field="expiresInDays"
            value={expiresInDays}
            onChange={setExpiresInDays}
            error={error}
            min={1}
            max={365}
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={disabled || busy || !timepoint}
          aria-busy={busy}
        >
          {t('participants.batch.create')}
        </button>
      </form>
      <div role="status">
        {made && (
          <p className="status-message">
            {t('participants.batch.result', { created: made.batch.created, skipped: made.batch.skipped })}
          </p>
        )}
      </div>
      {made?.fileUrl && (
        <p>
          <a
            className="button"
            href={made.fileUrl}
            download={linksFileName(studyTitle, made.timepoint.key, made.sessionNumber)}
          >
            {t('participants.batch.download', { count: made.batch.created })}
          </a>
          <span className="muted"> {t('participants.batch.onlyNow')}</span>
        </p>
      )}
    </section>
  );
}

import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n';
import { FormAlert } from '../setup/form-controls';
import { CsvErrorReport } from './csv-error-report';
import { CsvUploadError, type ImportResult, type UploadOptions } from './participants-api';

export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string; fraction: number }
  | { status: 'done'; fileName: string; created: number }
  | { status: 'failed'; fileName: string; error: unknown };

export interface CsvUploadViewProps {
  state: UploadState;
  disabled?: boolean;
  onUpload(file: File): void;
}

/** Renders an upload: the file field, a progress bar while sending, then the count or the per-row report. */
export function CsvUploadView({ state, disabled, onUpload }: CsvUploadViewProps) {
  const { t } = useI18n();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const uploading = state.status === 'uploading';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissing(!file);
    if (!file) {
      fileRef.current?.focus();
      return;
    }
    onUpload(file);
  }

  const percent = uploading ? Math.round(state.fraction * 100) : 0;
  return (
    <form className="form csv-upload" onSubmit={submit} noValidate aria-busy={uploading}>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('participants.csv.file')}</label>
        <p className="field-hint muted" id={`${id}-hint`}>
          {t('participants.csv.hint')}
        </p>
        <input
          ref={fileRef}
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          disabled={disabled || uploading}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-hint ${id}-missing` : `${id}-hint`}
        />
        {missing && (
          <ul className="field-errors" id={`${id}-missing`}>
            <li>{t('participants.csv.chooseFile')}</li>
          </ul>
        )}
      </div>
      <button type="submit" className="button" disabled={disabled || uploading}>
        {t('participants.csv.upload')}
      </button>
      {uploading && (
        <div className="upload-progress">
          <label htmlFor={`${id}-progress`}>
            {t('participants.csv.uploading', { file: state.fileName, percent })}
          </label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent}%
          </progress>
        </div>
      )}
      <div role="status" className="status-message">
        {state.status === 'done' &&
          t('participants.csv.done', { count: state.created, file: state.fileName })}
      </div>
      {state.status === 'failed' && (
        <>
          <FormAlert
            error={state.error}
            shownFields={isApiError(state.error) ? state.error.fieldErrors.map((e) => e.field) : []}
          />
          {state.error instanceof CsvUploadError && <CsvErrorReport rows={state.error.rows} />}
        </>
      )}
    </form>
  );
}

export interface CsvUploadProps {
  disabled?: boolean;
  upload(file: File, options: UploadOptions): Promise<ImportResult>;
  /** Called after participants were enrolled, to reload the list. */
  onImported(result: ImportResult): void;
  onUnauthenticated(): void;
}

/** Sends the file and keeps the upload's state. */
export function CsvUpload({ disabled, upload, onImported, onUnauthenticated }: CsvUploadProps) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });

  async function start(file: File) {
    setState({ status: 'uploading', fileName: file.name, fraction: 0 });
    try {
      const result = await upload(file, {
        onProgress: (fraction) =>
          setState((current) => (current.status === 'uploading' ? { ...current, fraction } : current)),
      });
      setState({ status: 'done', fileName: file.name, created: result.created });
      onImported(result);
    } catch (error) {
      if (isApiError(error) && error.status === 401) onUnauthenticated();
      setState({ status: 'failed', fileName: file.name, error });
    }
  }

  return <CsvUploadView state={state} disabled={disabled} onUpload={(file) => void start(file)} />;
}

import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n';
import { FieldMessages, FormAlert, StatusMessage, TextField, useFocusOnError } from './form-controls';
import type { Schedule, ScheduleInput } from './setup-api';

export interface ScheduleFormProps {
  /** The timepoint's name, in the legend and the button. */
  name: string;
  schedule: Schedule;
  canEdit: boolean;
  onSave(input: ScheduleInput): Promise<Schedule>;
}

/** "3, 7" → [3, 7]; anything that is not a whole number goes to the API as is, which names the problem. */
export function parseDays(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** One timepoint's e-mail schedule: the invitation, reminders after set days, and when it counts as overdue. */
export function ScheduleForm({ name, schedule, canEdit, onSave }: ScheduleFormProps) {
  const { t } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [invite, setInvite] = useState(String(schedule.inviteOffsetDays));
  const [reminders, setReminders] = useState(schedule.reminderDays.join(', '));
  const [expires, setExpires] = useState(String(schedule.expiresInDays));
  const [due, setDue] = useState(schedule.dueAfterDays === null ? '' : String(schedule.dueAfterDays));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Schedule | null>(null);
  useFocusOnError(formRef, error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(
        await onSave({
          enabled,
          inviteOffsetDays: Number(invite),
          reminderDays: parseDays(reminders),
          expiresInDays: Number(expires),
          dueAfterDays: due.trim() === '' ? null : Number(due),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  // Errors of single reminders (`reminderDays.1`) belong to the one reminders field.
  const reminderMessages = isApiError(error)
    ? error.fieldErrors
        .filter(
          (fieldError) => fieldError.field === 'reminderDays' || fieldError.field.startsWith('reminderDays.'),
        )
        .flatMap((fieldError) => {
          const index = /^reminderDays\.(\d+)$/.exec(fieldError.field)?.[1];
          return fieldError.messages.map((message) =>
            index === undefined
              ? message
              : t('setup.schedule.reminderError', { number: Number(index) + 1, message }),
          );
        })
    : [];
  const reminderFields = isApiError(error)
    ? error.fieldErrors.map((e) => e.field).filter((field) => field.startsWith('reminderDays'))
    : [];

  return (
    <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="timepoint" disabled={!canEdit}>
        <legend>{t('setup.schedule.legend', { name })}</legend>
        <FormAlert
          error={error}
          shownFields={['enabled', 'inviteOffsetDays', 'expiresInDays', 'dueAfterDays', ...reminderFields]}
        />
        <label className="choice">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          {t('setup.schedule.enabled')}
        </label>
        <div className="field-grid">
          <TextField
            type="number"
            label={t('setup.schedule.invite')}
            field="inviteOffsetDays"
            value={invite}
            onChange={setInvite}
            error={error}
            min={0}
            max={3650}
          />
          <div className="field">
            <label htmlFor={`${id}-reminders`}>{t('setup.schedule.reminders')}</label>
            <p className="field-hint muted" id={`${id}-reminders-hint`}>
              {t('setup.schedule.remindersHint')}
            </p>
            <input
              id={`${id}-reminders`}
              value={reminders}
              inputMode="numeric"
              autoComplete="off"
              onChange={(event) => setReminders(event.target.value)}
              aria-invalid={reminderMessages.length > 0 || undefined}
              aria-describedby={`${id}-reminders-hint${reminderMessages.length ? ` ${id}-reminders-errors` : ''}`}
            />
            <FieldMessages id={`${id}-reminders-errors`} messages={reminderMessages} />
          </div>
          <TextField
            type="number"
            label={t('setup.schedule.expires')}
            field="expiresInDays"
            value={expires}
            onChange={setExpires}
            error={error}
            min={1}
            max={365}
          />
          <TextField
            type="number"
            label={t('setup.schedule.due')}
            hint={t('setup.schedule.dueHint', { days: schedule.effectiveDueAfterDays })}
            field="dueAfterDays"
            value={due}
            onChange={setDue}
            error={error}
            min={1}
            max={365}
          />
        </div>
        {canEdit && (
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t('setup.schedule.save', { name })}
          </button>
        )}
        {saved && <StatusMessage>{t('setup.schedule.saved', { name })}</StatusMessage>}
      </fieldset>
    </form>
  );
}

import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n';
import { FormAlert, TextField, useFocusOnError } from '../setup/form-controls';
import { NOTE_MAX_LENGTH, type SafetySignal } from './safety-api';

export interface SignalCardProps {
  signal: SafetySignal;
  /** The card's heading level: 3 under the home page's panel, 2 on the page of its own. */
  headingLevel: 2 | 3;
  /** Resolves with the acknowledged signal; rejects with the API's error, which the card shows. */
  onAcknowledge(signal: SafetySignal, note: string): Promise<void>;
}

/**
 * One signal: whose (code), in which study, which items (their neutral labels, no answers), when, whether it was
 * escalated; open ones carry the form to acknowledge them with what was done.
 */
export function SignalCard({ signal, headingLevel, onAcknowledge }: SignalCardProps) {
  const { t, formatDateTime } = useI18n();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useFocusOnError(formRef, error);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const open = signal.status === 'open';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) {
      setError(
        new ApiError(0, 'validation_failed', t('safety.ack.noteMissing'), [
          { field: 'note', messages: [t('safety.ack.noteRequired')] },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onAcknowledge(signal, note.trim());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={`card signal-card signal-${signal.status}`}
      aria-labelledby={headingId}
      data-signal-id={signal.id}
    >
      <Heading id={headingId} className="signal-heading">
        {t('safety.signal.participant', { code: signal.participant.code })}
        {signal.participant.withdrawn && (
          <>
            {' '}
            <span className="badge badge-closed">{t('safety.signal.withdrawn')}</span>
          </>
        )}
      </Heading>
      <dl className="signal-facts">
        <div>
          <dt>{t('safety.signal.study')}</dt>
          <dd>{signal.study.title}</dd>
        </div>
        <div>
          <dt>{t('safety.signal.when')}</dt>
          <dd>
            <time dateTime={signal.createdAt}>{formatDateTime(signal.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('safety.signal.questionnaire')}</dt>
          <dd>
            {signal.instrument.id.toUpperCase()} {signal.instrument.version}
          </dd>
        </div>
        <div>
          <dt>{t('safety.signal.escalation')}</dt>
          <dd>
            {signal.escalatedAt ? (
              <span className="signal-escalated">
                {t('safety.signal.escalatedAt')}{' '}
                <time dateTime={signal.escalatedAt}>{formatDateTime(signal.escalatedAt)}</time>
              </span>
            ) : (
              t('safety.signal.notEscalated')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('safety.signal.status')}</dt>
          <dd>
            <span className={`badge badge-signal-${signal.status}`}>
              {t(`safety.status.${signal.status}`)}
            </span>
          </dd>
        </div>
      </dl>
      <p className="signal-items-intro">{t('safety.signal.items')}</p>
      <ul className="signal-items">
        {signal.items.map((item) => (
          <li key={item.item}>{item.label}</li>
        ))}
      </ul>
      {!open && signal.acknowledgedAt && (
        <div className="signal-ack-info">
          <p>
            {t('safety.signal.acknowledgedBy', { name: signal.acknowledgedBy?.displayName ?? '—' })}{' '}
            <time dateTime={signal.acknowledgedAt}>{formatDateTime(signal.acknowledgedAt)}</time>
          </p>
          {signal.note && <p className="signal-note">{signal.note}</p>}
        </div>
      )}
      {open && (
        <form ref={formRef} className="form signal-form" onSubmit={(event) => void submit(event)} noValidate>
          <FormAlert error={error} shownFields={['note']} />
          <TextField
            label={t('safety.ack.note', { code: signal.participant.code })}
            hint={t('safety.ack.noteHint')}
            field="note"
            value={note}
            onChange={setNote}
            error={error}
            multiline
            required
            maxLength={NOTE_MAX_LENGTH}
          />
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t('safety.ack.submit')}
          </button>
        </form>
      )}
    </article>
  );
}

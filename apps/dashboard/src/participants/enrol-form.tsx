import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, StatusMessage, TextField, useFocusOnError } from '../setup/form-controls';
import type { Cohort } from '../setup/setup-api';
import type { EnrolmentInput, Member, Participant } from './participants-api';

export interface EnrolFormProps {
  cohorts: readonly Cohort[];
  practitioners: readonly Member[];
  disabled?: boolean;
  /** Resolves with the new participant; rejects with the API's error, which the form shows. */
  onEnrol(input: EnrolmentInput): Promise<Participant>;
}

/** Enrols one participant under a pseudonymous code (generated when left empty). */
export function EnrolForm({ cohorts, practitioners, disabled, onEnrol }: EnrolFormProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [practitionerId, setPractitionerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [enrolled, setEnrolled] = useState<string | null>(null);
  useFocusOnError(formRef, error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setEnrolled(null);
    try {
      const participant = await onEnrol({
        cohortId,
        ...(code.trim() ? { code: code.trim() } : {}),
        ...(practitionerId ? { practitionerId } : {}),
      });
      setEnrolled(participant.code);
      setCode('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert error={error} shownFields={['cohortId', 'code', 'practitionerId']} />
      <SelectField
        label={t('participants.enrol.cohort')}
        field="cohortId"
        value={cohortId}
        onChange={setCohortId}
        error={error}
        required
        options={[
          ...(cohorts.length === 0 ? [{ value: '', label: t('participants.enrol.noCohorts') }] : []),
          ...cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name })),
        ]}
      />
      <TextField
        label={t('participants.enrol.code')}
        hint={t('participants.enrol.codeHint')}
        field="code"
        value={code}
        onChange={setCode}
        error={error}
        maxLength={40}
      />
      <SelectField
        label={t('participants.enrol.practitioner')}
        field="practitionerId"
        value={practitionerId}
        onChange={setPractitionerId}
        error={error}
        options={[
          { value: '', label: t('participants.enrol.noPractitioner') },
          ...practitioners.map((member) => ({ value: member.userId, label: member.displayName })),
        ]}
      />
      <button type="submit" className="button button-primary" disabled={disabled || busy} aria-busy={busy}>
        {t('participants.enrol.submit')}
      </button>
      {enrolled && <StatusMessage>{t('participants.enrol.done', { code: enrolled })}</StatusMessage>}
    </form>
  );
}

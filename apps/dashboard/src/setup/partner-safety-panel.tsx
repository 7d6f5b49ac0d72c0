import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, StatusMessage, useFocusOnError } from './form-controls';
import type { Cohort, StaffMember } from './setup-api';

export interface PartnerSafetyPanelProps {
  /** The partner institution's own cohorts in this study. */
  cohorts: readonly Cohort[];
  staff: readonly StaffMember[] | null;
  canEdit: boolean;
  /** Resolves when saved; rejects with the API's error, which the panel shows. */
  onSave(cohortId: string, userId: string | null): Promise<void>;
}

/**
 * A partner institution's safety contact per own cohort: told at once when one of its participants endorses a risk
 * item. Without one, the institution's admins are told.
 */
export function PartnerSafetyPanel({ cohorts, staff, canEdit, onSave }: PartnerSafetyPanelProps) {
  const { t } = useI18n();
  return (
    <section className="card setup-panel" aria-labelledby="setup-partner-safety-heading">
      <h3 id="setup-partner-safety-heading">{t('setup.partnerSafety.title')}</h3>
      <p className="muted">{t('setup.partnerSafety.explain')}</p>
      {cohorts.length === 0 ? (
        <p className="empty">{t('setup.partnerSafety.noCohorts')}</p>
      ) : (
        cohorts.map((cohort) => (
          <CohortContactForm
            key={cohort.id}
            cohort={cohort}
            staff={staff}
            canEdit={canEdit}
            onSave={onSave}
          />
        ))
      )}
    </section>
  );
}

function CohortContactForm({
  cohort,
  staff,
  canEdit,
  onSave,
}: {
  cohort: Cohort;
  staff: readonly StaffMember[] | null;
  canEdit: boolean;
  onSave(cohortId: string, userId: string | null): Promise<void>;
}) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [contact, setContact] = useState(cohort.safetyContactUserId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useFocusOnError(formRef, error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onSave(cohort.id, contact || null);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const members = (staff ?? []).filter((member) => member.status === 'active');
  const known = members.some((member) => member.userId === contact);
  return (
    <form ref={formRef} className="form form-inline" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert error={error} shownFields={['userId']} />
      <SelectField
        label={t('setup.partnerSafety.contact', { cohort: cohort.name })}
        field="userId"
        value={contact}
        onChange={setContact}
        error={error}
        disabled={!canEdit}
        options={[
          { value: '', label: t('setup.partnerSafety.admins') },
          ...members.map((member) => ({
            value: member.userId,
            label: `${member.displayName} (${t(`role.${member.role}`)})`,
          })),
          ...(contact && !known ? [{ value: contact, label: t('setup.safety.unknownContact') }] : []),
        ]}
      />
      {canEdit && (
        <button
          type="submit"
          className="button"
          disabled={busy}
          aria-busy={busy}
          aria-label={t('setup.partnerSafety.saveLabel', { cohort: cohort.name })}
        >
          {t('setup.save')}
        </button>
      )}
      {saved && <StatusMessage>{t('setup.partnerSafety.saved', { cohort: cohort.name })}</StatusMessage>}
    </form>
  );
}

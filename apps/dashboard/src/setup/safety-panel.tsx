import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import type { Language, LocalizedText, Study } from '../api/types';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, StatusMessage, TextField, useFocusOnError } from './form-controls';
import type { StaffMember, StudyPatch } from './setup-api';
import { missingSafety } from './study-readiness';

export interface SafetyPanelProps {
  study: Study;
  /** The institution's staff, null while loading (the select then offers only the current choice). */
  staff: readonly StaffMember[] | null;
  canEdit: boolean;
  busy: boolean;
  /** The save's failure. */
  error: unknown;
  /**
   * A refusal elsewhere that names these fields (409 safety_… to recruit, or to change a recruiting protocol): shown
   * beside the fields, its sentence stays with the button that caused it.
   */
  refusal?: unknown;
  saved: boolean;
  onSave(patch: Pick<StudyPatch, 'safetyContactUserId' | 'safetyHelpText'>): void;
}

export const SAFETY_HEADING_ID = 'setup-safety-heading';

/**
 * Who is told at once when a client endorses a risk item (the safety contact) and what the client reads then (the
 * help text per language). Says plainly when the protocol makes them a condition for recruiting, and what is missing.
 */
export function SafetyPanel({
  study,
  staff,
  canEdit,
  busy,
  error,
  refusal,
  saved,
  onSave,
}: SafetyPanelProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [contact, setContact] = useState(study.safetyContactUserId ?? '');
  const [helpText, setHelpText] = useState<LocalizedText>(() => ({ ...study.safetyHelpText }));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const ownError: unknown = localError ?? error;
  const shownError: unknown = ownError ?? refusal;
  useFocusOnError(formRef, shownError);
  const languageName = (language: Language) => t(`languageName.${language}`);
  const missing = missingSafety(study);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const blank = study.languages.filter((language) => !helpText[language]?.trim());
    if (blank.length > 0) {
      setLocalError(
        new ApiError(
          0,
          'validation_failed',
          t('setup.safety.helpTextMissing'),
          blank.map((language) => ({
            field: `safetyHelpText.${language}`,
            messages: [t('setup.safety.helpTextRequired', { language: languageName(language) })],
          })),
        ),
      );
      return;
    }
    setLocalError(null);
    onSave({
      safetyContactUserId: contact || null,
      safetyHelpText: Object.fromEntries(
        study.languages.map((language) => [language, helpText[language]?.trim() ?? '']),
      ) as LocalizedText,
    });
  }

  const members = (staff ?? []).filter((member) => member.status === 'active');
  const known = members.some((member) => member.userId === contact);
  const options = [
    { value: '', label: t('setup.safety.noContact') },
    ...members.map((member) => ({
      value: member.userId,
      label: `${member.displayName} (${t(`role.${member.role}`)})`,
    })),
    // The current contact, when the list does not have them (still loading, or no longer active).
    ...(contact && !known ? [{ value: contact, label: t('setup.safety.unknownContact') }] : []),
  ];

  return (
    <section className="card setup-panel" aria-labelledby={SAFETY_HEADING_ID}>
      <h3 id={SAFETY_HEADING_ID}>{t('setup.safety.title')}</h3>
      {study.safetyRequired ? (
        <div className={`notice ${missing.length > 0 ? 'notice-warning' : 'notice-ok'}`}>
          <p>{t('setup.safety.required')}</p>
          {missing.length > 0 ? (
            <>
              <p>
                <strong>{t('setup.safety.missingIntro')}</strong>
              </p>
              <ul>
                {missing.map((item) => (
                  <li key={item.key}>
                    {item.key === 'contact'
                      ? t('setup.safety.missingContact')
                      : t('setup.safety.missingHelpText', { language: languageName(item.language) })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('setup.safety.complete')}</p>
          )}
        </div>
      ) : (
        <p className="muted">{t('setup.safety.notRequired')}</p>
      )}
      <p className="muted">{t('setup.safety.explain')}</p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormAlert
          error={ownError}
          shownFields={['safetyContactUserId', ...study.languages.map((l) => `safetyHelpText.${l}`)]}
        />
        <SelectField
          label={t('setup.safety.contact')}
          field="safetyContactUserId"
          value={contact}
          onChange={setContact}
          error={shownError}
          hint={t('setup.safety.contactHint')}
          options={options}
          disabled={!canEdit}
        />
        {study.languages.map((language) => (
          <TextField
            key={language}
            label={t('setup.safety.helpText', { language: languageName(language) })}
            hint={language === study.languages[0] ? t('setup.safety.helpTextHint') : undefined}
            field={`safetyHelpText.${language}`}
            value={helpText[language] ?? ''}
            onChange={(value) => setHelpText({ ...helpText, [language]: value })}
            error={shownError}
            multiline
            required={study.safetyRequired}
            maxLength={20000}
            disabled={!canEdit}
            lang={language}
          />
        ))}
        {canEdit && (
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {t('setup.safety.save')}
          </button>
        )}
        {saved && <StatusMessage>{t('setup.safety.saved')}</StatusMessage>}
      </form>
    </section>
  );
}

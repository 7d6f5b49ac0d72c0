import { useId, useRef, useState, type FormEvent } from 'react';
import type { Language } from '../api/types';
import { useI18n } from '../i18n';
import {
  ChoiceGroup,
  FormAlert,
  StatusMessage,
  TextField,
  messagesFor,
  useFocusOnError,
} from './form-controls';
import type { LocalizedText, StudyInput, WithdrawalPolicy } from './setup-api';

const LANGUAGES: readonly Language[] = ['nl', 'en'];
const POLICIES: readonly WithdrawalPolicy[] = ['erase_responses', 'erase_link'];

export interface StudyDetailsValues {
  title: string;
  description: string;
  languages: Language[];
  withdrawalPolicy: WithdrawalPolicy;
}

export interface StudyDetailsFormProps {
  mode: 'create' | 'edit';
  initial: StudyDetailsValues;
  /** Languages and the withdrawal policy can only change while the study is a draft. */
  settingsLocked?: boolean;
  /** Everything read-only: the study belongs to another institution. */
  readOnly?: boolean;
  submitting: boolean;
  error: unknown;
  /** Shown after a successful save. */
  savedMessage?: string | null;
  onSubmit(values: StudyInput): void;
}

/** Title, description, languages, withdrawal policy and (when creating) the first consent text. */
export function StudyDetailsForm(props: StudyDetailsFormProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
  const [values, setValues] = useState(props.initial);
  const [consent, setConsent] = useState<LocalizedText>({});
  useFocusOnError(formRef, props.error);
  const creating = props.mode === 'create';
  const locked = props.readOnly || props.settingsLocked;

  function toggleLanguage(language: Language, checked: boolean) {
    setValues((current) => ({
      ...current,
      languages: checked
        ? LANGUAGES.filter((l) => l === language || current.languages.includes(l))
        : current.languages.filter((l) => l !== language),
    }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.submitting || props.readOnly) return;
    const consentText = Object.fromEntries(
      values.languages.filter((l) => consent[l]?.trim()).map((l) => [l, consent[l]?.trim()]),
    ) as LocalizedText;
    props.onSubmit({
      title: values.title.trim(),
      description: values.description,
      languages: values.languages,
      withdrawalPolicy: values.withdrawalPolicy,
      ...(creating && Object.keys(consentText).length > 0 ? { consentText } : {}),
    });
  }

  const shownFields = [
    'title',
    'description',
    'languages',
    'withdrawalPolicy',
    'consentText.nl',
    'consentText.en',
  ];
  return (
    <form ref={formRef} className="form setup-form" onSubmit={handleSubmit} noValidate>
      <FormAlert error={props.error} shownFields={shownFields} />
      <TextField
        label={t('setup.details.title')}
        field="title"
        value={values.title}
        onChange={(title) => setValues({ ...values, title })}
        error={props.error}
        required
        maxLength={200}
        disabled={props.readOnly}
      />
      <TextField
        label={t('setup.details.description')}
        field="description"
        value={values.description}
        onChange={(description) => setValues({ ...values, description })}
        error={props.error}
        multiline
        maxLength={5000}
        disabled={props.readOnly}
      />
      <ChoiceGroup
        legend={t('setup.details.languages')}
        field="languages"
        error={props.error}
        hint={props.settingsLocked ? t('setup.details.lockedHint') : undefined}
      >
        {LANGUAGES.map((language) => (
          <label key={language} className="choice">
            <input
              type="checkbox"
              name="languages"
              value={language}
              checked={values.languages.includes(language)}
              disabled={locked}
              onChange={(event) => toggleLanguage(language, event.target.checked)}
            />
            {t(`languageName.${language}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t('setup.details.withdrawalPolicy')} field="withdrawalPolicy" error={props.error}>
        {POLICIES.map((policy) => (
          <div key={policy} className="choice">
            <input
              type="radio"
              id={`${formId}-${policy}`}
              name="withdrawalPolicy"
              value={policy}
              checked={values.withdrawalPolicy === policy}
              disabled={locked}
              aria-describedby={`${formId}-${policy}-hint`}
              onChange={() => setValues({ ...values, withdrawalPolicy: policy })}
            />
            <span>
              <label htmlFor={`${formId}-${policy}`}>{t(`setup.policy.${policy}`)}</label>
              <span className="choice-hint muted" id={`${formId}-${policy}-hint`}>
                {t(`setup.policy.${policy}.hint`)}
              </span>
            </span>
          </div>
        ))}
      </ChoiceGroup>
      {creating &&
        values.languages.map((language) => (
          <TextField
            key={language}
            label={t('setup.details.consentText', { language: t(`languageName.${language}`) })}
            hint={t('setup.details.consentHint')}
            field={`consentText.${language}`}
            value={consent[language] ?? ''}
            onChange={(text) => setConsent({ ...consent, [language]: text })}
            error={props.error}
            multiline
          />
        ))}
      {messagesFor(props.error, 'consentText').length > 0 && (
        <p className="field-errors">{messagesFor(props.error, 'consentText').join(' ')}</p>
      )}
      {!props.readOnly && (
        <button
          type="submit"
          className="button button-primary"
          disabled={props.submitting}
          aria-busy={props.submitting}
        >
          {props.submitting && <span className="spinner" aria-hidden="true" />}
          {creating ? t('setup.details.create') : t('setup.details.save')}
        </button>
      )}
      {props.savedMessage && <StatusMessage>{props.savedMessage}</StatusMessage>}
    </form>
  );
}

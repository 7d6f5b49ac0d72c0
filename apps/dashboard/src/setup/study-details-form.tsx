import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import type { FormOfAddress, Language } from '../api/types';
import { useI18n } from '../i18n';
import {
  ChoiceGroup,
  FormAlert,
  StatusMessage,
  TextField,
  aliasFields,
  messagesFor,
  useFocusOnError,
} from './form-controls';
import type { LocalizedText, StudyInput, WithdrawalPolicy } from './setup-api';

const LANGUAGES: readonly Language[] = ['nl', 'en'];
const POLICIES: readonly WithdrawalPolicy[] = ['erase_responses', 'erase_link'];
const FORMS_OF_ADDRESS: readonly FormOfAddress[] = ['je', 'u'];

export interface StudyDetailsValues {
  title: LocalizedText;
  description: LocalizedText;
  formOfAddress: FormOfAddress;
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

/** The trimmed texts of the chosen languages, leaving out empty ones. */
function textsOf(text: LocalizedText, languages: readonly Language[]): LocalizedText {
  return Object.fromEntries(
    languages.flatMap((language) => {
      const value = text[language]?.trim();
      return value ? [[language, value]] : [];
    }),
  ) as LocalizedText;
}

/**
 * Title and description per study language, languages, form of address, withdrawal policy and (when creating) the
 * first consent text.
 */
export function StudyDetailsForm(props: StudyDetailsFormProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
  const [values, setValues] = useState(props.initial);
  const [consent, setConsent] = useState<LocalizedText>({});
  // A title is needed before anything is sent; the API asks for one in every language only before recruiting.
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const refusal: unknown = localError ?? props.error;
  useFocusOnError(formRef, refusal);
  // The API names the title and description as one field each; they show under the first language's input.
  const firstLanguage = values.languages[0];
  const error = useMemo(
    () =>
      firstLanguage
        ? aliasFields(refusal, {
            title: `title.${firstLanguage}`,
            description: `description.${firstLanguage}`,
          })
        : refusal,
    [refusal, firstLanguage],
  );
  const creating = props.mode === 'create';
  const locked = props.readOnly || props.settingsLocked;
  const languageName = (language: Language) => t(`languageName.${language}`);

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
    const title = textsOf(values.title, values.languages);
    if (Object.keys(title).length === 0 && values.languages.length > 0) {
      const first = values.languages[0];
      setLocalError(
        new ApiError(0, 'validation_failed', t('setup.details.titleMissing'), [
          { field: `title.${first}`, messages: [t('setup.details.titleRequired')] },
        ]),
      );
      return;
    }
    setLocalError(null);
    const consentText = textsOf(consent, values.languages);
    props.onSubmit({
      title,
      description: textsOf(values.description, values.languages),
      formOfAddress: values.formOfAddress,
      languages: values.languages,
      withdrawalPolicy: values.withdrawalPolicy,
      ...(creating && Object.keys(consentText).length > 0 ? { consentText } : {}),
    });
  }

  const shownFields = [
    'title',
    'description',
    ...LANGUAGES.flatMap((l) => [`title.${l}`, `description.${l}`, `consentText.${l}`]),
    'languages',
    'formOfAddress',
    'withdrawalPolicy',
  ];
  return (
    <form ref={formRef} className="form setup-form" onSubmit={handleSubmit} noValidate>
      <FormAlert error={error} shownFields={shownFields} />
      {values.languages.map((language, index) => (
        <TextField
          key={`title-${language}`}
          label={t('setup.details.titleIn', { language: languageName(language) })}
          field={`title.${language}`}
          value={values.title[language] ?? ''}
          onChange={(text) => setValues({ ...values, title: { ...values.title, [language]: text } })}
          error={error}
          hint={index === 0 ? t('setup.details.titleHint') : undefined}
          required
          maxLength={200}
          disabled={props.readOnly}
          lang={language}
        />
      ))}
      {values.languages.map((language) => (
        <TextField
          key={`description-${language}`}
          label={t('setup.details.descriptionIn', { language: languageName(language) })}
          field={`description.${language}`}
          value={values.description[language] ?? ''}
          onChange={(text) =>
            setValues({ ...values, description: { ...values.description, [language]: text } })
          }
          error={error}
          multiline
          maxLength={5000}
          disabled={props.readOnly}
          lang={language}
        />
      ))}
      <ChoiceGroup
        legend={t('setup.details.languages')}
        field="languages"
        error={error}
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
            {languageName(language)}
          </label>
        ))}
      </ChoiceGroup>
      {values.languages.includes('nl') && (
        <ChoiceGroup
          legend={t('setup.details.formOfAddress')}
          field="formOfAddress"
          error={error}
          hint={t('setup.details.formOfAddressHint')}
        >
          {FORMS_OF_ADDRESS.map((form) => (
            <div key={form} className="choice">
              <input
                type="radio"
                id={`${formId}-address-${form}`}
                name="formOfAddress"
                value={form}
                checked={values.formOfAddress === form}
                disabled={props.readOnly}
                aria-describedby={`${formId}-address-${form}-hint`}
                onChange={() => setValues({ ...values, formOfAddress: form })}
              />
              <span>
                <label htmlFor={`${formId}-address-${form}`}>{t(`setup.address.${form}`)}</label>
                <span className="choice-hint muted" id={`${formId}-address-${form}-hint`} lang="nl">
                  {t(`setup.address.${form}.example`)}
                </span>
              </span>
            </div>
          ))}
        </ChoiceGroup>
      )}
      <ChoiceGroup legend={t('setup.details.withdrawalPolicy')} field="withdrawalPolicy" error={error}>
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
            key={`consent-${language}`}
            label={t('setup.details.consentText', { language: languageName(language) })}
            hint={t('setup.details.consentHint')}
            field={`consentText.${language}`}
            value={consent[language] ?? ''}
            onChange={(text) => setConsent({ ...consent, [language]: text })}
            error={error}
            multiline
            lang={language}
          />
        ))}
      {messagesFor(error, 'consentText').length > 0 && (
        <p className="field-errors">{messagesFor(error, 'consentText').join(' ')}</p>
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

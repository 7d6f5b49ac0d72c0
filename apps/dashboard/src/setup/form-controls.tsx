import { useEffect, useId, type ReactNode, type RefObject } from 'react';
import { ApiError, isApiError } from '../api/api-error';
import { errorMessage } from '../app/error-message';
import { useI18n } from '../i18n';

// Small form building blocks shared by the set-up and participant screens: labelled fields that show the API's
// field-level errors (`validation_failed`) beside themselves and mark themselves invalid.

/**
 * The same error with some fields' messages moved to another field shown on the form: the API names a text given
 * per language as one field (`title`), the form has an input per language (`title.nl`).
 */
export function aliasFields(error: unknown, aliases: Readonly<Record<string, string>>): unknown {
  if (!isApiError(error) || !error.fieldErrors.some((fieldError) => fieldError.field in aliases))
    return error;
  return new ApiError(
    error.status,
    error.code,
    error.message,
    error.fieldErrors.map((fieldError) => ({
      ...fieldError,
      field: aliases[fieldError.field] ?? fieldError.field,
    })),
    error.correlationId,
    error.retryAfterSeconds,
  );
}

/** The API's messages for one field (dotted path such as `timepoints.0.label.en`). */
export function messagesFor(error: unknown, field: string): string[] {
  return isApiError(error) ? error.messagesFor(field) : [];
}

export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface BaseFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The field's path in the API's error body. */
  field: string;
  error: unknown;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  /** The language of what is typed, when it is not the interface's (a Dutch text in the English interface). */
  lang?: string;
}

export interface TextFieldProps extends BaseFieldProps {
  type?: 'text' | 'number' | 'email';
  multiline?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  autoComplete?: string;
}

/** A labelled input or textarea with its hint and the API's messages for it. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const messages = messagesFor(props.error, props.field);
  const describedBy = [props.hint ? `${id}-hint` : null, messages.length ? `${id}-errors` : null]
    .filter(Boolean)
    .join(' ');
  const shared = {
    id,
    name: props.field,
    value: props.value,
    required: props.required,
    disabled: props.disabled,
    maxLength: props.maxLength,
    lang: props.lang,
    'aria-invalid': messages.length > 0 || undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="field-hint muted" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...shared} rows={4} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          type={props.type ?? 'text'}
          min={props.min}
          max={props.max}
          autoComplete={props.autoComplete ?? 'off'}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      <FieldMessages id={`${id}-errors`} messages={messages} />
    </div>
  );
}

export interface SelectFieldProps extends BaseFieldProps {
  options: readonly { value: string; label: string }[];
}

export function SelectField(props: SelectFieldProps) {
  const id = useId();
  const messages = messagesFor(props.error, props.field);
  const describedBy = [props.hint ? `${id}-hint` : null, messages.length ? `${id}-errors` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="field-hint muted" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <select
        id={id}
        name={props.field}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={`${id}-errors`} messages={messages} />
    </div>
  );
}

/** A group of checkboxes or radios under one legend, with the API's messages for the group's field. */
export function ChoiceGroup({
  legend,
  field,
  error,
  hint,
  children,
}: {
  legend: string;
  field: string;
  error: unknown;
  hint?: string;
  children: ReactNode;
}) {
  const id = useId();
  const messages = messagesFor(error, field);
  return (
    <fieldset
      className="field choice-group"
      aria-invalid={messages.length > 0 || undefined}
      aria-describedby={
        [hint ? `${id}-hint` : '', messages.length ? `${id}-errors` : ''].join(' ').trim() || undefined
      }
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="field-hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      <FieldMessages id={`${id}-errors`} messages={messages} />
    </fieldset>
  );
}

/**
 * The failure of a form as an alert: the sentence for its code, the reference, and any field messages that no
 * field on the form shows (so nothing the API said is lost).
 */
export function FormAlert({ error, shownFields = [] }: { error: unknown; shownFields?: readonly string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  const unshown = isApiError(error)
    ? error.fieldErrors.filter((fieldError) => !shownFields.includes(fieldError.field))
    : [];
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1}>
      <p>{errorMessage(error, t)}</p>
      {unshown.length > 0 && (
        <ul>
          {unshown.map((fieldError) => (
            <li key={fieldError.field}>
              {fieldError.field}: {fieldError.messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
      {isApiError(error) && error.correlationId && (
        <p className="alert-reference">{t('error.reference', { id: error.correlationId })}</p>
      )}
    </div>
  );
}

/** After a refused submit, moves focus to the first invalid field, or else to the alert. */
export function useFocusOnError(formRef: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error || !formRef.current) return;
    const target =
      formRef.current.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset)') ??
      formRef.current.querySelector<HTMLElement>('fieldset[aria-invalid="true"] input') ??
      formRef.current.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [error, formRef]);
}

/** A polite announcement of what just happened (saved, created, ...). */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  );
}

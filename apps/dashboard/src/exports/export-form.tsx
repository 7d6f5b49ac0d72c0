import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import {
  ChoiceGroup,
  FieldMessages,
  FormAlert,
  messagesFor,
  TextField,
  useFocusOnError,
} from '../setup/form-controls';
import {
  DATE_MODES,
  DEFAULT_OPTIONS,
  EXPORT_CONTENT,
  EXPORT_FORMATS,
  QUASI_IDENTIFIERS,
  type ExportOptions,
} from './exports-api';

const FIELDS = ['formats', 'content', 'dates', 'includeFreeText', 'quasiIdentifiers', 'k'];

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

/** The export options, safe defaults preselected, each with what it means; the API's field errors beside them. */
export function ExportForm({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: unknown;
  onSubmit(options: ExportOptions): void;
}) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_OPTIONS);
  const [k, setK] = useState(String(DEFAULT_OPTIONS.k));
  useFocusOnError(formRef, error);
  const set = (change: Partial<ExportOptions>) => setOptions((current) => ({ ...current, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    // Sent as typed: the API says why a k is refused (below 2, not a whole number).
    onSubmit({ ...options, k: Number(k) });
  }

  const checkbox = (name: string, checked: boolean, label: string, onChange: (on: boolean) => void) => (
    <label key={name} className="choice">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />{' '}
      {label}
    </label>
  );

  return (
    <form
      ref={formRef}
      className="form export-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="export-form-heading"
    >
      <h3 id="export-form-heading">{t('exports.form.title')}</h3>
      <ChoiceGroup
        legend={t('exports.formats')}
        field="formats"
        error={error}
        hint={t('exports.formats.hint')}
      >
        {EXPORT_FORMATS.map((format) =>
          checkbox(
            `format-${format}`,
            options.formats.includes(format),
            t(`exports.format.${format}`),
            (on) => set({ formats: toggle(options.formats, format, on) }),
          ),
        )}
      </ChoiceGroup>
      <ChoiceGroup
        legend={t('exports.content')}
        field="content"
        error={error}
        hint={t('exports.content.hint')}
      >
        {EXPORT_CONTENT.map((content) =>
          checkbox(
            `content-${content}`,
            options.content.includes(content),
            t(`exports.content.${content}`),
            (on) => set({ content: toggle(options.content, content, on) }),
          ),
        )}
      </ChoiceGroup>
      <ChoiceGroup legend={t('exports.dates')} field="dates" error={error} hint={t('exports.dates.hint')}>
        {DATE_MODES.map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="dates"
              value={mode}
              checked={options.dates === mode}
              onChange={() => set({ dates: mode })}
            />{' '}
            {t(`exports.dates.${mode}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup
        legend={t('exports.quasi')}
        field="quasiIdentifiers"
        error={error}
        hint={t('exports.quasi.hint')}
      >
        {QUASI_IDENTIFIERS.map((qi) =>
          checkbox(`qi-${qi}`, options.quasiIdentifiers.includes(qi), t(`exports.quasi.${qi}`), (on) =>
            set({ quasiIdentifiers: toggle(options.quasiIdentifiers, qi, on) }),
          ),
        )}
      </ChoiceGroup>
      <TextField
        label={t('exports.k')}
        hint={t('exports.k.hint')}
        type="number"
        min={2}
        max={100}
        value={k}
        onChange={setK}
        field="k"
        error={error}
      />
      <div className="field">
        {checkbox('includeFreeText', options.includeFreeText, t('exports.freeText'), (on) =>
          set({ includeFreeText: on }),
        )}
        <p className="field-hint muted">{t('exports.freeText.hint')}</p>
        <FieldMessages id="export-free-text-errors" messages={messagesFor(error, 'includeFreeText')} />
      </div>
      <FormAlert error={error} shownFields={FIELDS} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('exports.start')}
        </button>
      </div>
    </form>
  );
}

import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useI18n } from '../i18n';
import type { FilterKey, Filters } from './analysis-query';
import type { FilterOptions } from './use-filter-options';

export interface FilterBarProps {
  options: LoadState<FilterOptions>;
  filters: Filters;
  onChange(filters: Filters): void;
}

interface Choice {
  value: string;
  label: string;
}

/** Cohort, timepoint, practitioner and instrument version: every analysis takes these, kept in the address. */
export function FilterBar({ options, filters, onChange }: FilterBarProps) {
  const { t, language } = useI18n();
  const loaded = options.status === 'loaded' ? options.data : null;
  const selects: { key: FilterKey; choices: Choice[] }[] = [
    { key: 'cohortId', choices: (loaded?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name })) },
    {
      key: 'timepointId',
      choices: (loaded?.timepoints ?? []).map((tp) => ({
        value: tp.id,
        label: tp.label[language] ?? tp.label.en ?? tp.label.nl ?? tp.key,
      })),
    },
    ...(loaded?.practitioners === null
      ? []
      : [
          {
            key: 'practitionerId' as const,
            choices: (loaded?.practitioners ?? []).map((p) => ({ value: p.userId, label: p.displayName })),
          },
        ]),
    { key: 'instrumentVersion', choices: (loaded?.versions ?? []).map((v) => ({ value: v, label: v })) },
  ];
  const active = Object.values(filters).some(Boolean);

  return (
    <fieldset className="analysis-filters">
      <legend>{t('analyses.filters')}</legend>
      {selects.map(({ key, choices }) => {
        const id = `analysis-filter-${key}`;
        const value = filters[key] ?? '';
        // A value from a shared link that is not (or no longer) a choice stays visible rather than vanishing.
        const all =
          value && !choices.some((c) => c.value === value) ? [...choices, { value, label: value }] : choices;
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>{t(`analyses.filter.${key}`)}</label>
            <select
              id={id}
              value={value}
              disabled={options.status === 'loading'}
              onChange={(event) => onChange({ ...filters, [key]: event.target.value || undefined })}
            >
              <option value="">{t('analyses.filter.all')}</option>
              {all.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {active && (
        <button type="button" className="button" onClick={() => onChange({})}>
          {t('analyses.filter.reset')}
        </button>
      )}
      {options.status === 'error' && (
        <p className="field-errors" role="alert">
          {t('analyses.filter.loadFailed')} {errorMessage(options.error, t)}
        </p>
      )}
    </fieldset>
  );
}

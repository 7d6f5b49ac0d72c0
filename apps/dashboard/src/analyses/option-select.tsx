import { useChartId } from '../charts/use-chart-id';

export interface OptionSelectProps<T extends string> {
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

/** A labelled select for an analysis option (method, variable, instrument). */
export function OptionSelect<T extends string>({ label, value, choices, onChange }: OptionSelectProps<T>) {
  const id = useChartId('option');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

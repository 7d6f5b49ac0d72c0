import { useI18n } from '../i18n';
import { OptionSelect } from './option-select';

export interface AxisOptionsProps {
  x: string;
  y: string;
  choices: readonly { value: string; label: string }[];
  onChange(axis: 'x' | 'y', value: string): void;
}

/** The pair of selects that choose what goes on the horizontal and the vertical axis. */
export function AxisOptions({ x, y, choices, onChange }: AxisOptionsProps) {
  const { t } = useI18n();
  return (
    <div className="analysis-options">
      <OptionSelect
        label={t('analyses.x')}
        value={x}
        choices={choices}
        onChange={(value) => onChange('x', value)}
      />
      <OptionSelect
        label={t('analyses.y')}
        value={y}
        choices={choices}
        onChange={(value) => onChange('y', value)}
      />
    </div>
  );
}

import { CorrelationHeatmap } from '../charts/correlation-heatmap';
import { useI18n } from '../i18n';
import { AnalysisStatus, EmptyNotice } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import type { CorrelationMethod, PAdjustment } from './analysis-types';
import { CorrelationTable } from './correlation-table';
import { OptionSelect } from './option-select';
import { useLoad } from '../app/use-load';
import { useVariableLabel } from './use-variable-label';

const METHODS: readonly CorrelationMethod[] = ['pearson', 'spearman', 'kendall'];
const ADJUSTMENTS: readonly PAdjustment[] = ['none', 'holm', 'BH'];

export function CorrelationsPage({
  api,
  filters,
  options,
  onOptionsChange,
  onUnauthenticated,
}: AnalysisPageProps) {
  const { t } = useI18n();
  const labelOf = useVariableLabel();
  const { state, retry } = useLoad(
    requestKey('correlations', filters, options.method, options.adjust),
    (signal) => api.correlations(filters, options, { signal }),
    onUnauthenticated,
  );
  const method = t(`analyses.method.${options.method}`);

  return (
    <>
      <div className="analysis-options">
        <OptionSelect
          label={t('analyses.method')}
          value={options.method}
          choices={METHODS.map((value) => ({ value, label: t(`analyses.method.${value}`) }))}
          onChange={(value) => onOptionsChange({ method: value })}
        />
        <OptionSelect
          label={t('analyses.adjust')}
          value={options.adjust}
          choices={ADJUSTMENTS.map((value) => ({ value, label: t(`analyses.adjust.${value}`) }))}
          onChange={(value) => onOptionsChange({ adjust: value })}
        />
      </div>
      <AnalysisStatus state={state} onRetry={retry}>
        {(data) => {
          if (data.nClients === 0) return <EmptyNotice />;
          const variables = data.variables.map((v) => ({ id: v.id, label: labelOf(v.id, v.label) }));
          const label = (id: string) => labelOf(id, data.variables.find((v) => v.id === id)?.label);
          return (
            <>
              <p className="muted">
                {t('analyses.nClients', { count: data.nClients })} · {t('analyses.minN', { minN: data.minN })}
                {data.method !== 'pearson' && ` ${t('analyses.correlations.ciNote')}`}
              </p>
              <CorrelationHeatmap
                title={t('analyses.correlations.title', { method })}
                description={t('analyses.correlations.description', {
                  method,
                  count: data.cells.length,
                  suppressed: data.cells.filter((c) => c.suppressed).length,
                  minN: data.minN,
                })}
                variables={variables}
                cells={data.cells}
                minN={data.minN}
              />
              <details className="analysis-details">
                <summary>
                  {t('analyses.correlations.table')} ({data.cells.length})
                </summary>
                <CorrelationTable
                  caption={t('analyses.correlations.table')}
                  cells={data.cells}
                  labelOf={label}
                  minN={data.minN}
                />
              </details>
            </>
          );
        }}
      </AnalysisStatus>
    </>
  );
}

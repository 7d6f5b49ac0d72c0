import { formatInterval, formatNumber } from '../charts/format';
import { ScatterPlot } from '../charts/scatter-plot';
import { useI18n } from '../i18n';
import { AnalysisStatus, EmptyNotice, SuppressedNotice } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import { PERSON_VARIABLES } from './analysis-variables';
import { AxisOptions } from './axis-options';
import { useLoad } from '../app/use-load';
import { useVariableLabel } from './use-variable-label';

export function ScatterPage({
  api,
  filters,
  options,
  onOptionsChange,
  onUnauthenticated,
}: AnalysisPageProps) {
  const { t, language } = useI18n();
  const labelOf = useVariableLabel();
  const { state, retry } = useLoad(
    requestKey('scatter', filters, options.scatterX, options.scatterY),
    (signal) => api.scatter(filters, options, { signal }),
    onUnauthenticated,
  );
  const choices = PERSON_VARIABLES.map((value) => ({ value: value as string, label: labelOf(value) }));

  return (
    <>
      <AxisOptions
        x={options.scatterX}
        y={options.scatterY}
        choices={choices}
        onChange={(axis, value) => onOptionsChange(axis === 'x' ? { scatterX: value } : { scatterY: value })}
      />
      <AnalysisStatus state={state} onRetry={retry}>
        {(data) => {
          if (data.n === 0) return <EmptyNotice />;
          if (data.suppressed) return <SuppressedNotice minN={data.minN} />;
          const x = labelOf(data.x.id, data.x.label);
          const y = labelOf(data.y.id, data.y.label);
          const r = data.correlation;
          return (
            <>
              <ScatterPlot
                title={t('analyses.scatter.title', { x, y })}
                description={t('analyses.scatter.description', {
                  n: data.n,
                  r: formatNumber(r.estimate, language),
                  ci: formatInterval(r.ci, language),
                })}
                xLabel={x}
                yLabel={y}
                points={data.points}
                band={data.band}
              />
              {data.regression && (
                <p className="muted">
                  {t('analyses.scatter.regression', {
                    intercept: formatNumber(data.regression.intercept.estimate, language),
                    slope: formatNumber(data.regression.slope.estimate, language),
                    r2: formatNumber(data.regression.rSquared, language),
                  })}
                </p>
              )}
            </>
          );
        }}
      </AnalysisStatus>
    </>
  );
}

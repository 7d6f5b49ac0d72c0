import { formatInterval, formatNumber, formatP } from '../charts/format';
import { IntervalChart } from '../charts/interval-chart';
import { TrajectoryChart } from '../charts/trajectory-chart';
import { useI18n } from '../i18n';
import { AnalysisStatus, EmptyNotice, SuppressedNotice } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import type { CorrelationStatistic } from './analysis-types';
import { SESSION_VARIABLES, TRAJECTORY_VARIABLES } from './analysis-variables';
import { AxisOptions } from './axis-options';
import { OptionSelect } from './option-select';
import { useLoad } from '../app/use-load';
import { useVariableLabel } from './use-variable-label';

/** Within-person against between-person correlation of two session measures, and a measure's trajectory. */
export function WithinPersonPage({
  api,
  filters,
  options,
  onOptionsChange,
  onUnauthenticated,
}: AnalysisPageProps) {
  const { t, language } = useI18n();
  const labelOf = useVariableLabel();
  const within = useLoad(
    requestKey('within-person', filters, options.withinX, options.withinY),
    (signal) => api.withinPerson(filters, options, { signal }),
    onUnauthenticated,
  );
  const trajectories = useLoad(
    requestKey('trajectories', filters, options.trajectory),
    (signal) => api.trajectories(filters, options, { signal }),
    onUnauthenticated,
  );
  const sessionChoices = SESSION_VARIABLES.map((value) => ({
    value: value as string,
    label: labelOf(value),
  }));
  const describe = (statistic: CorrelationStatistic) =>
    `r = ${formatNumber(statistic.estimate, language)} ${formatInterval(statistic.ci, language)}, p ${formatP(statistic.p, language)}, ${t('analyses.within.df', { df: statistic.df ?? '–' })}`;

  return (
    <>
      <AxisOptions
        x={options.withinX}
        y={options.withinY}
        choices={sessionChoices}
        onChange={(axis, value) => onOptionsChange(axis === 'x' ? { withinX: value } : { withinY: value })}
      />
      <AnalysisStatus state={within.state} onRetry={within.retry}>
        {(data) => {
          if (data.nClients === 0) return <EmptyNotice />;
          const x = labelOf(data.x.id, data.x.label);
          const y = labelOf(data.y.id, data.y.label);
          const rows = [
            { label: t('analyses.within.within'), statistic: data.within },
            { label: t('analyses.within.between'), statistic: data.between },
          ];
          return (
            <>
              <dl className="analysis-figures">
                {rows.map(({ label, statistic }) => (
                  <div key={label} data-state={statistic.suppressed ? 'suppressed' : undefined}>
                    <dt>{label}</dt>
                    <dd>
                      {statistic.suppressed
                        ? t('analyses.suppressed', { minN: data.minN })
                        : describe(statistic)}
                    </dd>
                  </div>
                ))}
              </dl>
              <IntervalChart
                title={t('analyses.within.title')}
                description={`${x} × ${y}: ${t('analyses.nClients', { count: data.nClients })}, ${t('analyses.nObservations', { count: data.nObservations })}. ${t('analyses.within.note', { x, y })}`}
                rows={rows.map(({ label, statistic }) => ({
                  label,
                  estimate: statistic.estimate,
                  ci: statistic.ci,
                  suppressed: statistic.suppressed,
                }))}
                axisLabel="r"
                estimateLabel="r"
                baseDomain={[-0.2, 0.6]}
                reference={0}
                minN={data.minN}
                markName="correlation"
              />
            </>
          );
        }}
      </AnalysisStatus>
      <div className="analysis-options">
        <OptionSelect
          label={t('analyses.trajectory.variable')}
          value={options.trajectory}
          choices={TRAJECTORY_VARIABLES.map((value) => ({ value: value as string, label: labelOf(value) }))}
          onChange={(value) => onOptionsChange({ trajectory: value })}
        />
      </div>
      <AnalysisStatus state={trajectories.state} onRetry={trajectories.retry}>
        {(data) => {
          if (data.nClients === 0) return <EmptyNotice />;
          if (data.suppressed) return <SuppressedNotice minN={data.minN} />;
          const variable = labelOf(data.variable.id, data.variable.label);
          return (
            <>
              <TrajectoryChart
                title={t('analyses.trajectory.title', { variable })}
                description={t('analyses.trajectory.description', {
                  clients: data.nClients,
                  sessions: data.nObservations,
                })}
                valueLabel={variable}
                series={data.series}
                means={data.means}
                fitted={data.model?.fitted ?? []}
                minN={data.minN}
              />
              <p className="muted">
                {data.model
                  ? t('analyses.trajectory.model', {
                      intercept: formatNumber(data.model.intercept.estimate, language),
                      slope: formatNumber(data.model.slope.estimate, language, 3),
                      ci: formatInterval(data.model.slope.ci, language, 3),
                    })
                  : t('analyses.trajectory.noModel')}
              </p>
            </>
          );
        }}
      </AnalysisStatus>
    </>
  );
}

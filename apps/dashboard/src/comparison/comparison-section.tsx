import { errorMessage } from '../app/error-message';
import { formatInterval, formatNumber, formatP } from '../charts/format';
import { ForestPlot } from '../charts/forest-plot';
import { useChartId } from '../charts/use-chart-id';
import { useLoad } from '../app/use-load';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import type { StudySectionProps } from '../study/section-props';
import { studyPath } from '../study/study-sections';
import { COMPARISON_INSTRUMENTS, fetchComparison, readInstrument } from './comparison-api';
import { ComparisonTable, VersusRestTable } from './comparison-table';
import type { Comparison } from './comparison-types';
import '../analyses/analyses.css';

const INSTRUMENT_LABELS: Record<string, string> = { 'phq-9': 'PHQ-9', 'gad-7': 'GAD-7' };

/** Institutions compared through privacy-safe aggregates: forest plot of the alliance–outcome r and tables. */
export function ComparisonSection({ api, study, search, onUnauthenticated }: StudySectionProps) {
  const { t, language } = useI18n();
  const instrument = readInstrument(search);
  const selectId = useChartId('comparison-instrument');
  const { state, retry } = useLoad(
    `${study.id}|${instrument}`,
    (signal) => fetchComparison(api, study.id, instrument, { signal }),
    onUnauthenticated,
  );

  const label = INSTRUMENT_LABELS[instrument] ?? instrument;
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t('comparison.title')}</h2>
      <div className="analysis-options">
        <div className="field">
          <label htmlFor={selectId}>{t('comparison.instrument')}</label>
          <select
            id={selectId}
            value={instrument}
            onChange={(event) =>
              navigate(`${studyPath(study.id, 'comparison')}?instrument=${event.target.value}`)
            }
          >
            {COMPARISON_INSTRUMENTS.map((value) => (
              <option key={value} value={value}>
                {INSTRUMENT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('comparison.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <p>
            {t('comparison.loadFailed')} {errorMessage(state.error, t)}
          </p>
          <button type="button" className="button" onClick={retry}>
            {t('comparison.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' && (
        <ComparisonView data={state.data} instrument={label} language={language} />
      )}
    </section>
  );
}

function ComparisonView({
  data,
  instrument,
  language,
}: {
  data: Comparison;
  instrument: string;
  language: 'en' | 'nl';
}) {
  const { t } = useI18n();
  if (data.institutions.length === 0) return <p className="empty">{t('comparison.empty')}</p>;
  const pooled = data.pooled;
  return (
    <>
      <p className="muted">{t('comparison.intro', { minN: data.minN })}</p>
      <ForestPlot
        title={t('comparison.forestTitle', { instrument })}
        description={t('comparison.forestDescription', {
          instrument,
          suppressed: data.institutions.filter((row) => row.correlation.estimate === null).length,
        })}
        rows={data.institutions.map((row) => ({
          label: row.label,
          estimate: row.correlation.estimate,
          ci: row.correlation.ci,
          n: row.correlation.n,
          weight: row.correlation.weight,
          suppressed: row.correlation.suppressed,
          own: row.own,
        }))}
        pooled={pooled}
        axisLabel="r"
        suppressedText={{
          primary: t('comparison.suppressed.primary', { minN: data.minN }),
          secondary: t('comparison.suppressed.secondary'),
        }}
      />
      <p className="comparison-pooled">
        {pooled
          ? t('comparison.pooled', {
              estimate: formatNumber(pooled.estimate, language),
              ci: formatInterval(pooled.ci, language),
              p: formatP(pooled.p, language),
              pi: formatInterval(pooled.predictionInterval, language),
              k: pooled.k,
              tau2: formatNumber(pooled.tau2, language, 4),
              i2: formatNumber(pooled.i2, language, 1),
              q: formatNumber(pooled.q, language),
              df: pooled.qDf,
              qp: formatP(pooled.qP, language),
              test: t(`comparison.test.${pooled.test}`),
            })
          : t('comparison.noPooled')}
      </p>
      <ComparisonTable comparison={data} />
      <h3>{t('comparison.versusTitle')}</h3>
      <VersusRestTable comparison={data} />
    </>
  );
}

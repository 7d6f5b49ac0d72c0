import { ChangeBars } from '../charts/change-bars';
import { PrePostChart } from '../charts/pre-post-chart';
import { useI18n } from '../i18n';
import { AnalysisStatus, EmptyNotice, SuppressedNotice } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import { OptionSelect } from './option-select';
import { useLoad } from '../app/use-load';

const INSTRUMENTS = [
  { value: 'phq-9', label: 'PHQ-9' },
  { value: 'gad-7', label: 'GAD-7' },
] as const;

/** Reliable and clinically significant change: pre/post scatter with the band, and the categories per cohort. */
export function ChangePage({ api, filters, options, onOptionsChange, onUnauthenticated }: AnalysisPageProps) {
  const { t } = useI18n();
  const { state, retry } = useLoad(
    requestKey('change', filters, options.instrument),
    (signal) => api.change(filters, options, { signal }),
    onUnauthenticated,
  );
  const instrument = INSTRUMENTS.find((i) => i.value === options.instrument)?.label ?? options.instrument;

  return (
    <>
      <div className="analysis-options">
        <OptionSelect
          label={t('analyses.change.instrument')}
          value={options.instrument}
          choices={INSTRUMENTS}
          onChange={(value) => onOptionsChange({ instrument: value })}
        />
      </div>
      <AnalysisStatus state={state} onRetry={retry}>
        {(data) => {
          if (data.all.n === 0) return <EmptyNotice />;
          const post = data.post.timepointKind === 'end' ? t('analyses.change.end') : data.post.timepointKind;
          const notes = (
            <ul className="analysis-notes">
              <li>
                {t('analyses.change.cutoff', { value: data.cutoff.value, meaning: data.cutoff.meaning })}
              </li>
              <li>
                {t('analyses.change.rci', {
                  value: data.reliableChange.value,
                  source: data.reliableChange.source,
                })}
              </li>
              <li>
                {t('analyses.change.instrumentVersion', {
                  instrument,
                  version: data.instrument.version,
                  scoring: data.instrument.scoringVersion,
                })}
              </li>
            </ul>
          );
          return (
            <>
              {data.all.suppressed || data.points.length === 0 ? (
                <>
                  <SuppressedNotice minN={data.minN} />
                  {notes}
                </>
              ) : (
                <PrePostChart
                  title={t('analyses.change.scatterTitle', { instrument, post })}
                  description={t('analyses.change.scatterDescription', { n: data.points.length, post })}
                  points={data.points}
                  scoreRange={data.band.scoreRange}
                  cutoff={data.cutoff.value}
                  halfWidth={data.band.halfWidth}
                  notes={notes}
                />
              )}
              <ChangeBars
                title={t('analyses.change.barsTitle', { instrument })}
                description={t('analyses.change.barsDescription')}
                groups={[
                  { ...data.all, label: t('analyses.change.all') },
                  ...data.cohorts.map((group) => ({ ...group, label: group.cohortName ?? '–' })),
                ]}
                minN={data.minN}
              />
            </>
          );
        }}
      </AnalysisStatus>
    </>
  );
}

import { formatPercent } from '../charts/format';
import { IntervalChart } from '../charts/interval-chart';
import { useI18n, type MessageKey } from '../i18n';
import { AnalysisStatus, EmptyNotice } from './analysis-status';
import { requestKey, type AnalysisPageProps } from './analysis-page-props';
import { useLoad } from '../app/use-load';

const CONTENT_TYPES = [
  'struggles',
  'low_point',
  'resistance',
  'victories',
  'insights',
  'patterns',
  'techniques',
  'other',
];

/** Client–practitioner agreement on what was disclosed, per content type (kappa with CI, percent agreement). */
export function DyadsPage({ api, filters, options, onUnauthenticated }: AnalysisPageProps) {
  const { t, language } = useI18n();
  const { state, retry } = useLoad(
    requestKey('dyads', filters),
    (signal) => api.dyads(filters, options, { signal }),
    onUnauthenticated,
  );
  const contentLabel = (code: string) =>
    CONTENT_TYPES.includes(code) ? t(`analyses.content.${code}` as MessageKey) : code;

  return (
    <AnalysisStatus state={state} onRetry={retry}>
      {(data) => {
        if (data.nDyads === 0) return <EmptyNotice />;
        return (
          <IntervalChart
            title={t('analyses.dyads.title')}
            description={t('analyses.dyads.description', { dyads: data.nDyads, clients: data.nClients })}
            rows={data.contentTypes.map((entry) => ({
              label: contentLabel(entry.contentType),
              estimate: entry.kappa,
              ci: entry.ci,
              suppressed: entry.suppressed,
              note: entry.suppressed
                ? undefined
                : t('analyses.dyads.agreement', {
                    percent: formatPercent(entry.percentAgreement, language, 0),
                  }),
              extra: [
                entry.n,
                entry.nClients,
                entry.percentAgreement,
                entry.percentClient,
                entry.percentPractitioner,
                entry.p,
              ],
            }))}
            extraColumns={[
              { key: 'sessions', label: t('analyses.dyads.sessions'), numeric: true, decimals: 0 },
              { key: 'clients', label: t('analyses.dyads.clients'), numeric: true, decimals: 0 },
              { key: 'agreement', label: t('analyses.dyads.percentAgreement'), numeric: true, decimals: 1 },
              { key: 'client', label: t('analyses.dyads.percentClient'), numeric: true, decimals: 1 },
              {
                key: 'practitioner',
                label: t('analyses.dyads.percentPractitioner'),
                numeric: true,
                decimals: 1,
              },
              { key: 'p', label: t('charts.p'), numeric: true, pValue: true },
            ]}
            axisLabel={t('charts.kappa')}
            estimateLabel={t('charts.kappa')}
            baseDomain={[0, 1]}
            reference={0}
            minN={data.minN}
            markName="kappa"
          />
        );
      }}
    </AnalysisStatus>
  );
}

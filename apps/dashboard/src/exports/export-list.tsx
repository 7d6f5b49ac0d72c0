import { useI18n } from '../i18n';
import type { ApiClient } from '../api/client';
import { fileUrl, type KAnonymityReport, type StudyExport } from './exports-api';

/** What the k-anonymity check changed: the summary, each quasi-identifier's generalisation, the suppression. */
export function KAnonymityReportView({ report }: { report: KAnonymityReport }) {
  const { t } = useI18n();
  return (
    <div className="export-report">
      <h4>{t('exports.report.title', { k: report.k })}</h4>
      <p>
        {t('exports.report.summary', {
          exported: report.exportedParticipants,
          participants: report.participants,
          classes: report.classes,
          smallest: report.smallestClass ?? 0,
        })}
      </p>
      {report.generalisations.length === 0 ? (
        <p>{t('exports.report.none')}</p>
      ) : (
        <ul>
          {report.generalisations.map((g) => (
            <li key={g.quasiIdentifier}>
              {g.changed.length === 0
                ? t('exports.report.unchanged', { qi: t(`exports.quasi.${g.quasiIdentifier}`) })
                : t('exports.report.changed', {
                    qi: t(`exports.quasi.${g.quasiIdentifier}`),
                    description: g.description,
                    changes: g.changed.map((c) => `${c.from} → ${c.to}`).join(', '),
                  })}
            </li>
          ))}
        </ul>
      )}
      <p>
        {report.suppression.participants > 0
          ? t('exports.report.suppressed', { count: report.suppression.participants })
          : t('exports.report.noneSuppressed')}
      </p>
    </div>
  );
}

/** One export: status, a progress bar while it runs, the report and its files. */
export function ExportItem({ api, item }: { api: ApiClient; item: StudyExport }) {
  const { t, formatDate } = useI18n();
  const { rowsDone, rowsTotal } = item.progress;
  const label = t(`exports.status.${item.status}`);
  return (
    <li className="export-item" aria-label={`${label} ${formatDate(item.createdAt)}`}>
      <p>
        <strong>{label}</strong> · {t('exports.list.created', { date: formatDate(item.createdAt) })}
        {item.rowCount !== null && <> · {t('exports.list.rows', { rows: item.rowCount })}</>}
      </p>
      {(item.status === 'queued' || item.status === 'running') && (
        <p>
          <progress
            max={Math.max(rowsTotal, 1)}
            value={rowsDone}
            aria-label={t('exports.progress')}
            aria-valuetext={t('exports.progressText', { done: rowsDone, total: rowsTotal })}
          />{' '}
          {t('exports.progressText', { done: rowsDone, total: rowsTotal })}
        </p>
      )}
      {item.error && (
        <p className="alert alert-error" role="alert">
          {item.error}
        </p>
      )}
      {item.report && <KAnonymityReportView report={item.report} />}
      {item.files.length > 0 && (
        <ul className="export-files" aria-label={t('exports.files')}>
          {item.files.map((file) => (
            <li key={file.name}>
              <a href={fileUrl(api, item, file)} download={file.name}>
                {file.name}
              </a>{' '}
              <span className="muted">
                {t('exports.fileSize', { size: Math.max(1, Math.round(file.size / 1024)) })} ·{' '}
                <code title={file.sha256}>{t('exports.sha256', { hash: file.sha256.slice(0, 12) })}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

import type { ApiClient, RequestOptions } from '../api/client';

// Typed calls of the export routes (apps/api/docs/exports.md).

export const EXPORT_FORMATS = ['long_csv', 'wide_csv', 'codebook_json', 'codebook_md', 'spss', 'r'] as const;
export const EXPORT_CONTENT = ['scores', 'items'] as const;
export const DATE_MODES = ['shifted', 'days_since_baseline', 'none'] as const;
export const QUASI_IDENTIFIERS = ['cohort', 'age_band', 'gender'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportContent = (typeof EXPORT_CONTENT)[number];
export type DateMode = (typeof DATE_MODES)[number];
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

export interface ExportOptions {
  formats: ExportFormat[];
  content: ExportContent[];
  dates: DateMode;
  includeFreeText: boolean;
  quasiIdentifiers: QuasiIdentifier[];
  k: number;
}

/** The safe defaults, as the API applies them. */
export const DEFAULT_OPTIONS: ExportOptions = {
  formats: [...EXPORT_FORMATS],
  content: ['scores'],
  dates: 'shifted',
  includeFreeText: false,
  quasiIdentifiers: ['cohort'],
  k: 5,
};

export interface KAnonymityReport {
  k: number;
  quasiIdentifiers: QuasiIdentifier[];
  participants: number;
  exportedParticipants: number;
  generalisations: {
    quasiIdentifier: QuasiIdentifier;
    level: number;
    description: string;
    changed: { from: string; to: string }[];
  }[];
  suppression: { method: string; participants: number; classes: number };
  classes: number;
  smallestClass: number | null;
}

export type ExportStatus = 'queued' | 'running' | 'complete' | 'failed';

export interface ExportFile {
  name: string;
  size: number;
  sha256: string;
  url: string;
}

export interface StudyExport {
  id: string;
  studyId: string;
  status: ExportStatus;
  options: ExportOptions;
  progress: { rowsDone: number; rowsTotal: number };
  rowCount: number | null;
  files: ExportFile[];
  report: KAnonymityReport | null;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
}

const base = (studyId: string) => `/studies/${encodeURIComponent(studyId)}/exports`;

export const isFinished = (item: StudyExport) => item.status === 'complete' || item.status === 'failed';

export function listExports(api: ApiClient, studyId: string, options?: RequestOptions) {
  return api.request<{ items: StudyExport[] }>('GET', base(studyId), undefined, options);
}

export function getExport(api: ApiClient, studyId: string, exportId: string, options?: RequestOptions) {
  return api.request<StudyExport>(
    'GET',
    `${base(studyId)}/${encodeURIComponent(exportId)}`,
    undefined,
    options,
  );
}

export function startExport(api: ApiClient, studyId: string, options: ExportOptions) {
  return api.request<StudyExport>('POST', base(studyId), options);
}

/** Where the browser downloads a file (same origin, the session cookie goes along). */
export function fileUrl(api: ApiClient, item: StudyExport, file: ExportFile): string {
  return api.url(
    `${base(item.studyId)}/${encodeURIComponent(item.id)}/files/${encodeURIComponent(file.name)}`,
  );
}

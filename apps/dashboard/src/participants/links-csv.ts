import { csvField } from '@klik/csv';
import type { InvitationBatch } from './participants-api';

// The links of a batch as a CSV file for mail merges. Built in the browser from the API's answer: the tokens
// exist in clear only there, so the file cannot be fetched again later. Codes and timepoint keys are chosen by
// people, so every text field follows the formula rule of @klik/csv (a leading apostrophe, quoted, on text that
// starts with =, +, -, @, tab or carriage return); the session number is a numeric column.

export const LINKS_CSV_COLUMNS = ['code', 'timepoint', 'session', 'link', 'expires_at'] as const;

export function linksCsv(batch: Pick<InvitationBatch, 'items'>, timepointKey: string): string {
  const header = LINKS_CSV_COLUMNS.map((name) => csvField(name));
  const rows = batch.items.map((item) => [
    csvField(item.participantCode),
    csvField(timepointKey),
    csvField(item.sessionNumber, { numeric: true }),
    csvField(item.url),
    csvField(item.expiresAt),
  ]);
  return [header, ...rows].map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/**
 * The file to download. The byte-order mark makes spreadsheet programs read it as UTF-8. A Blob (served through
 * an object URL) rather than a `data:` URL, which browsers cap at about 2 MB: 10,000 links make about 1.2 MB.
 */
export function csvBlob(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

export function linksFileName(
  studyTitle: string,
  timepointKey: string,
  sessionNumber: number | null,
): string {
  const slug = studyTitle
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'study'}-${timepointKey}${sessionNumber === null ? '' : `-session-${sessionNumber}`}-links.csv`;
}

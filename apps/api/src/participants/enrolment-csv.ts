import { parse } from 'csv-parse/sync';
import { AGE_BANDS, type AgeBand, type Gender, GENDERS } from './dto/participant.dto';

/** One problem in an uploaded CSV; rows are numbered as a spreadsheet shows them (the header is row 1). */
export interface CsvRowError {
  row: number;
  column: string;
  reason: string;
}

export interface EnrolmentRow {
  row: number;
  code: string | null;
  cohort: string;
  practitionerEmail: string | null;
  ageBand: AgeBand | null;
  gender: Gender | null;
}

export const ENROLMENT_COLUMNS = ['code', 'cohort', 'practitioner_email', 'age_band', 'gender'] as const;
const REQUIRED_COLUMNS = ['cohort'];
export const MAX_ENROLMENT_ROWS = 10_000;

export type ParsedEnrolment = { ok: true; rows: EnrolmentRow[] } | { ok: false; message: string; errors: CsvRowError[] };

/**
 * Parses an enrolment CSV: UTF-8 (with or without BOM), comma or semicolon separated (Dutch spreadsheet programs
 * write semicolons), a header row with `cohort` and optionally `code`, `practitioner_email`, `age_band` and
 * `gender`. Pure: checks the file's form and the attribute values; the service checks the rest against the database.
 */
export function parseEnrolmentCsv(buffer: Buffer): ParsedEnrolment {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return fail('The file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again.', 'file', 'encoding');
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return fail('The file is not a text CSV file.', 'file', 'encoding');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return fail('The file is empty: it needs a header row.', 'file', 'empty');
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail(`The CSV cannot be read${line ? ` near row ${line}` : ''}.`, 'file', (error as Error).message);
  }
  const header = (records.shift() ?? []).map((name) => name.trim().toLowerCase());
  const errors: CsvRowError[] = [];
  header.forEach((name) => {
    if (!(ENROLMENT_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ row: 1, column: name || '(empty)', reason: `unknown column; expected ${ENROLMENT_COLUMNS.join(', ')}` });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!header.includes(required)) errors.push({ row: 1, column: required, reason: 'required column is missing' });
  }
  if (new Set(header).size !== header.length) errors.push({ row: 1, column: 'header', reason: 'a column appears twice' });
  if (errors.length > 0) return { ok: false, message: 'The header row is not valid.', errors };
  if (records.length === 0) return fail('The file has a header but no participants.', 'file', 'no rows');
  if (records.length > MAX_ENROLMENT_ROWS) {
    return fail(`At most ${MAX_ENROLMENT_ROWS} participants per upload.`, 'file', 'too many rows');
  }
  const index = (name: string) => header.indexOf(name);
  const rows = records.map((record, i) => {
    const value = (name: string) => (index(name) >= 0 ? (record[index(name)] ?? '').trim() : '');
    if (record.length > header.length) {
      errors.push({ row: i + 2, column: 'row', reason: `has ${record.length} fields, the header has ${header.length}` });
    }
    const ageBand = value('age_band') || null;
    if (ageBand !== null && !(AGE_BANDS as readonly string[]).includes(ageBand)) {
      errors.push({ row: i + 2, column: 'age_band', reason: `age_band must be empty or one of ${AGE_BANDS.join(', ')}` });
    }
    const gender = value('gender').toLowerCase() || null;
    if (gender !== null && !(GENDERS as readonly string[]).includes(gender)) {
      errors.push({ row: i + 2, column: 'gender', reason: `gender must be empty or one of ${GENDERS.join(', ')}` });
    }
    return {
      row: i + 2,
      code: value('code') || null,
      cohort: value('cohort'),
      practitionerEmail: value('practitioner_email').toLowerCase() || null,
      ageBand: ageBand as AgeBand | null,
      gender: gender as Gender | null,
    };
  });
  return errors.length > 0 ? { ok: false, message: 'Some rows are not valid.', errors } : { ok: true, rows };
}

function fail(message: string, column: string, reason: string): ParsedEnrolment {
  return { ok: false, message, errors: [{ row: 0, column, reason }] };
}

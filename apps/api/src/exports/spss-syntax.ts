import type { ExportVariable } from './export-layout';

/** A CSV of the export and the variables in its columns, in order. */
export interface DataFile {
  file: string;
  dataset: string;
  variables: ExportVariable[];
}

const quote = (text: string) => `'${text.replace(/'/g, "''").replace(/\r?\n/g, ' ')}'`;
const value = (v: number | string) => (typeof v === 'number' ? String(v) : quote(v));

/** String widths: codes are short, cohort names up to their column size, free text up to SPSS's long strings. */
function format(variable: ExportVariable): string {
  switch (variable.type) {
    case 'integer':
      return 'F8.0';
    case 'number':
      return 'F12.4';
    case 'date':
      return 'SDATE10';
    case 'string':
      if (variable.name === 'participant') return 'A18';
      if (variable.name === 'cohort') return 'A120';
      return `A${Math.max(1, Math.min(variable.width ?? 60, 32_767))}`;
  }
}

/** Lines of `VARIABLE LABELS`/`VALUE LABELS`, `/`-separated, wrapped one variable per line. */
function block(command: string, entries: string[]): string[] {
  if (entries.length === 0) return [];
  return [command, ...entries.map((entry, i) => `  ${i === 0 ? '' : '/'}${entry}`), '.'];
}

/**
 * SPSS syntax that reads each CSV (GET DATA /TYPE=TXT, UTF-8, comma, double-quote qualifier) with explicit
 * formats, then sets variable labels, value labels and missing values. Empty cells are read as system-missing;
 * `unknown` age band and gender are declared user-missing.
 */
export function spssSyntax(title: string, files: DataFile[]): string {
  const lines = [
    `* ${title.replace(/\r?\n/g, ' ')}.`,
    '* Run with the folder of the export as the working directory (or put the full path in /FILE).',
    'SET UNICODE=ON.',
  ];
  for (const file of files) {
    lines.push(
      '',
      'GET DATA',
      '  /TYPE=TXT',
      `  /FILE=${quote(file.file)}`,
      "  /ENCODING='UTF8'",
      '  /DELCASE=LINE',
      '  /DELIMITERS=","',
      `  /QUALIFIER='"'`,
      '  /ARRANGEMENT=DELIMITED',
      '  /FIRSTCASE=2',
      '  /VARIABLES=',
      ...file.variables.map((v) => `    ${v.name} ${format(v)}`),
      '.',
      `DATASET NAME ${file.dataset} WINDOW=FRONT.`,
      ...block(
        'VARIABLE LABELS',
        file.variables.map((v) => `${v.name} ${quote(v.label)}`),
      ),
      ...block(
        'VALUE LABELS',
        file.variables
          .filter((v) => v.valueLabels && v.valueLabels.length > 0 && v.type !== 'date')
          .map(
            (v) =>
              `${v.name} ${(v.valueLabels ?? []).map((l) => `${value(l.value)} ${quote(l.label)}`).join(' ')}`,
          ),
      ),
    );
    const unknownMissing = file.variables
      .filter((v) => v.name === 'age_band' || v.name === 'gender')
      .map((v) => v.name);
    if (unknownMissing.length > 0) lines.push(`MISSING VALUES ${unknownMissing.join(' ')} ('unknown').`);
    lines.push('EXECUTE.');
  }
  return `${lines.join('\n')}\n`;
}

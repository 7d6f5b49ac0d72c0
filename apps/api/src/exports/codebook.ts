import type { DateMode, ExportVariable } from './export-layout';
import type { KAnonymityReport } from './k-anonymity';

export interface CodebookInstrument {
  id: string;
  version: string;
  name: string;
  scoringVersions: string[];
  licence: string;
  citation: string;
}

export interface CodebookInput {
  studyTitle: string;
  generatedAt: Date;
  options: {
    content: string[];
    dates: DateMode;
    includeFreeText: boolean;
    quasiIdentifiers: string[];
    k: number;
  };
  report: KAnonymityReport;
  instruments: CodebookInstrument[];
  files: { file: string; variables: ExportVariable[] }[];
}

const DATE_TEXT: Record<DateMode, string> = {
  shifted:
    'Every date is moved by one random number of days per participant (-180 to +180, derived from the study secret, ' +
    'so every export of this study moves a participant alike); intervals within a participant are kept. Times of day are left out.',
  days_since_baseline:
    "Dates are replaced by whole days since the participant's baseline (the first answers at a baseline timepoint, " +
    'or the enrolment date when there are none).',
  none: 'Dates are left out.',
};

/** What the export did to protect the participants, in words (codebook JSON and Markdown share it). */
export function deidentificationSummary(input: CodebookInput) {
  return {
    pseudonyms:
      'participant = "P-" + the first 16 hex digits of HMAC-SHA256(per-study secret, internal id). The secret never ' +
      'leaves the server; the enrolment code and internal ids are not exported.',
    dates: DATE_TEXT[input.options.dates],
    freeText: input.options.includeFreeText
      ? 'Free-text answers are included (asked for explicitly). In the CSV files every text cell (free text, cohort ' +
        'names, codes, labels) that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a ' +
        'spreadsheet shows it as text instead of running it as a formula; R and SPSS read the apostrophe as part of the ' +
        'text. Numeric columns are never changed (a score of -3 stays -3).'
      : 'Free-text answers are left out.',
    withdrawn: 'Participants who withdrew are not exported, whatever the withdrawal policy.',
    contactDetails: 'No contact details, names, e-mail addresses or practitioner identities are exported.',
    quasiIdentifiers:
      `Declared quasi-identifiers: ${input.options.quasiIdentifiers.join(', ') || 'none'} (only these are exported). ` +
      `k-anonymity with k = ${input.options.k}: first generalisation, then participants in classes still smaller than k are left out.`,
  };
}

export function codebookJson(input: CodebookInput): string {
  return `${JSON.stringify(
    {
      format: 'klik-export-codebook/1',
      study: input.studyTitle,
      generatedAt: input.generatedAt.toISOString(),
      options: input.options,
      deidentification: deidentificationSummary(input),
      kAnonymity: input.report,
      instruments: input.instruments,
      files: input.files.map((f) => ({ file: f.file, variables: f.variables })),
    },
    null,
    2,
  )}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function codebookMarkdown(input: CodebookInput): string {
  const summary = deidentificationSummary(input);
  const r = input.report;
  const lines = [
    `# Codebook: ${cell(input.studyTitle)}`,
    '',
    `Generated ${input.generatedAt.toISOString()}. Content: ${input.options.content.join(', ')}.`,
    '',
    '## De-identification',
    '',
    ...Object.values(summary).map((text) => `- ${text}`),
    '',
    '## k-anonymity report',
    '',
    `k = ${r.k}; quasi-identifiers: ${r.quasiIdentifiers.join(', ') || 'none'}. Participants: ${r.participants}; exported: ` +
      `${r.exportedParticipants}; left out (suppressed): ${r.suppression.participants} in ${r.suppression.classes} classes. ` +
      `Exported classes: ${r.classes}, the smallest holding ${r.smallestClass ?? '-'} participants.`,
    '',
    '| Quasi-identifier | Generalisation | Values changed |',
    '|---|---|---|',
    ...r.generalisations.map(
      (g) =>
        `| ${g.quasiIdentifier} | ${cell(g.description)} | ${g.changed.length ? cell(g.changed.map((c) => `${c.from} → ${c.to}`).join(', ')) : 'none'} |`,
    ),
    '',
    '## Instruments',
    '',
    '| Instrument | Version | Scoring version(s) | Licence | Citation |',
    '|---|---|---|---|---|',
    ...input.instruments.map(
      (i) =>
        `| ${cell(i.name)} (\`${i.id}\`) | ${i.version} | ${i.scoringVersions.join(', ')} | ${cell(i.licence)} | ${cell(i.citation)} |`,
    ),
  ];
  for (const file of input.files) {
    lines.push('', `## ${file.file}`, '', '| Variable | Type | Label | Values |', '|---|---|---|---|');
    for (const v of file.variables) {
      const values = (v.valueLabels ?? []).map((l) => `${l.value} = ${l.label}`).join('; ');
      lines.push(`| \`${v.name}\` | ${v.type} | ${cell(v.label)} | ${cell(values)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

import type { ExportVariable } from './export-layout';
import type { DataFile } from './spss-syntax';

const rString = (text: string) => JSON.stringify(text); // a JSON string literal is a valid R string literal
const COL_CLASS: Record<ExportVariable['type'], string> = {
  string: 'character',
  integer: 'integer',
  number: 'numeric',
  date: 'Date',
};

/**
 * An R script that reads each CSV with explicit `colClasses` (so codes stay text and dates are dates), turns
 * coded text columns into factors with their levels, and attaches labels as `label` / `labels` attributes (the
 * convention of haven and labelled, readable without them).
 */
export function rScript(title: string, files: DataFile[]): string {
  const lines = [
    `# ${title.replace(/\r?\n/g, ' ')}`,
    '# Run with the folder of the export as the working directory: source("klik-export.R")',
    '',
    'read_klik <- function(file, col_classes) {',
    '  read.csv(file, colClasses = col_classes, na.strings = "", fileEncoding = "UTF-8", check.names = FALSE)',
    '}',
  ];
  for (const file of files) {
    const df = file.dataset;
    lines.push('', `if (file.exists(${rString(file.file)})) {`);
    lines.push(`  ${df} <- read_klik(${rString(file.file)}, c(`);
    lines.push(
      file.variables.map((v) => `    ${rString(v.name)} = ${rString(COL_CLASS[v.type])}`).join(',\n'),
    );
    lines.push('  ))');
    for (const v of file.variables) {
      const col = `${df}[[${rString(v.name)}]]`;
      const labels = v.valueLabels ?? [];
      if (v.type === 'string' && labels.length > 0) {
        lines.push(
          `  ${col} <- factor(${col}, levels = c(${[...new Set(labels.map((l) => rString(String(l.value))))].join(', ')}))`,
        );
      } else if (labels.length > 0 && v.type !== 'date') {
        lines.push(
          `  attr(${col}, "labels") <- c(${labels.map((l) => `${rString(l.label)} = ${Number(l.value)}`).join(', ')})`,
        );
      }
      lines.push(`  attr(${col}, "label") <- ${rString(v.label)}`);
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

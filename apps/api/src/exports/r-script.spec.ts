import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { csvHeader, csvRows } from './csv-format';
import type { ExportVariable } from './export-layout';
import { rScript } from './r-script';

const variables: ExportVariable[] = [
  { name: 'participant', label: 'Pseudonymous export code', type: 'string' },
  {
    name: 'cohort',
    label: 'Cohort "site"',
    type: 'string',
    valueLabels: [
      { value: 'Site A', label: 'Site A' },
      { value: 'any', label: 'any' },
    ],
  },
  { name: 'date', label: 'Date', type: 'date' },
  { name: 'session', label: 'Session', type: 'integer' },
  {
    name: 'item',
    label: 'Item',
    type: 'integer',
    valueLabels: [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Several days' },
    ],
  },
  { name: 'total', label: 'Total', type: 'number' },
];

describe('rScript', () => {
  const script = rScript('Klik export', [{ file: 'klik-long.csv', dataset: 'klik_long', variables }]);

  it('reads each CSV with explicit colClasses and sets factor levels and labels', () => {
    expect(script).toContain('klik_long <- read_klik("klik-long.csv", c(');
    expect(script).toContain('"participant" = "character"');
    expect(script).toContain('"date" = "Date"');
    expect(script).toContain(
      'klik_long[["cohort"]] <- factor(klik_long[["cohort"]], levels = c("Site A", "any"))',
    );
    expect(script).toContain(
      'attr(klik_long[["item"]], "labels") <- c("Not at all" = 0, "Several days" = 1)',
    );
    expect(script).toContain('attr(klik_long[["cohort"]], "label") <- "Cohort \\"site\\""');
  });

  it('loads a CSV written by the export in R with the declared types (Rscript)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'klik-r-'));
    try {
      writeFileSync(
        path.join(dir, 'klik-long.csv'),
        csvHeader(variables.map((v) => v.name)) +
          csvRows(
            [
              ['P-00AB', 'Site A', '2026-03-01', 2, 1, 12.5],
              ['P-0012', 'any', null, null, null, null],
            ],
            variables.map((v) => v.type),
          ),
      );
      writeFileSync(path.join(dir, 'klik-export.R'), script);
      const out = execFileSync(
        'Rscript',
        [
          '-e',
          'source("klik-export.R"); cat(sapply(klik_long, function(x) class(x)[1]), nrow(klik_long), klik_long$participant[2], is.na(klik_long$date[2]), sep = ",")',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(out.trim()).toBe('character,factor,Date,integer,integer,numeric,2,P-0012,TRUE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

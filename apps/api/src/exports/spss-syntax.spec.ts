import type { ExportVariable } from './export-layout';
import { spssSyntax } from './spss-syntax';

const variables: ExportVariable[] = [
  { name: 'participant', label: 'Pseudonymous export code', type: 'string' },
  { name: 'gender', label: 'Gender', type: 'string', valueLabels: [{ value: 'female', label: 'female' }] },
  { name: 'date', label: 'Date', type: 'date' },
  {
    name: 'phq9_i_phq9_1',
    label: "PHQ-9: Little interest, 'quoted'",
    type: 'integer',
    valueLabels: [
      { value: 0, label: 'Not at all' },
      { value: 3, label: 'Nearly every day' },
    ],
  },
  { name: 'total', label: 'Total', type: 'number' },
];

describe('spssSyntax', () => {
  const sps = spssSyntax('Klik export', [{ file: 'klik-long.csv', dataset: 'klik_long', variables }]);

  it('reads the CSV with GET DATA /TYPE=TXT and an explicit format per column, in order', () => {
    expect(sps).toContain("GET DATA\n  /TYPE=TXT\n  /FILE='klik-long.csv'\n  /ENCODING='UTF8'");
    expect(sps).toContain(
      '  /FIRSTCASE=2\n  /VARIABLES=\n    participant A18\n    gender A60\n    date SDATE10\n    phq9_i_phq9_1 F8.0\n    total F12.4\n.',
    );
  });

  it('sets variable labels (quotes doubled), value labels and user-missing unknowns', () => {
    expect(sps).toContain("VARIABLE LABELS\n  participant 'Pseudonymous export code'");
    expect(sps).toContain("  /phq9_i_phq9_1 'PHQ-9: Little interest, ''quoted'''");
    expect(sps).toContain(
      "VALUE LABELS\n  gender 'female' 'female'\n  /phq9_i_phq9_1 0 'Not at all' 3 'Nearly every day'\n.",
    );
    expect(sps).toContain("MISSING VALUES gender ('unknown').");
    expect(sps.trimEnd().endsWith('EXECUTE.')).toBe(true);
  });
});

import { codebookJson, codebookMarkdown, type CodebookInput } from './codebook';

const input: CodebookInput = {
  studyTitle: 'Alliance | disclosure',
  generatedAt: new Date('2026-11-29T08:00:00Z'),
  options: {
    content: ['scores'],
    dates: 'shifted',
    includeFreeText: false,
    quasiIdentifiers: ['cohort', 'age_band'],
    k: 5,
  },
  report: {
    k: 5,
    quasiIdentifiers: ['cohort', 'age_band'],
    participants: 40,
    exportedParticipants: 39,
    generalisations: [
      { quasiIdentifier: 'cohort', level: 0, description: 'cohort', changed: [] },
      {
        quasiIdentifier: 'age_band',
        level: 1,
        description: '20-year bands',
        changed: [{ from: '18-24', to: '18-34' }],
      },
    ],
    suppression: { method: 'participant_left_out', participants: 1, classes: 1 },
    classes: 4,
    smallestClass: 6,
  },
  instruments: [
    {
      id: 'phq-9',
      version: '1.0.0',
      name: 'PHQ-9',
      scoringVersions: ['1.0.0'],
      licence: 'LicenseRef-PD',
      citation: 'Kroenke 2001',
    },
  ],
  files: [
    {
      file: 'klik-wide.csv',
      variables: [
        { name: 'participant', label: 'Pseudonymous export code', type: 'string' },
        {
          name: 'phq9_i_phq9_1_baseline',
          label: 'PHQ-9 item 1',
          type: 'integer',
          valueLabels: [{ value: 0, label: 'Not at all' }],
        },
      ],
    },
  ],
};

describe('codebook', () => {
  it('JSON holds the options, the de-identification, the k-anonymity report, instruments and variables', () => {
    const book = JSON.parse(codebookJson(input));
    expect(book.format).toBe('klik-export-codebook/1');
    expect(book.kAnonymity).toEqual(input.report);
    expect(book.deidentification.freeText).toBe('Free-text answers are left out.');
    expect(book.deidentification.dates).toMatch(/-180 to \+180/);
    expect(book.instruments[0]).toMatchObject({ id: 'phq-9', scoringVersions: ['1.0.0'] });
    expect(book.files[0].variables[1].valueLabels).toEqual([{ value: 0, label: 'Not at all' }]);
  });

  it('Markdown lists what changed, the instruments and each variable with its value labels, table-safe', () => {
    const md = codebookMarkdown(input);
    expect(md).toContain('# Codebook: Alliance \\| disclosure');
    expect(md).toContain('| age_band | 20-year bands | 18-24 → 18-34 |');
    expect(md).toContain('| cohort | cohort | none |');
    expect(md).toContain('left out (suppressed): 1 in 1 classes');
    expect(md).toContain('| PHQ-9 (`phq-9`) | 1.0.0 | 1.0.0 |');
    expect(md).toContain('| `phq9_i_phq9_1_baseline` | integer | PHQ-9 item 1 | 0 = Not at all |');
  });
});

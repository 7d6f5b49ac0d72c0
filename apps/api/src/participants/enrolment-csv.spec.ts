import { parseEnrolmentCsv } from './enrolment-csv';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('parseEnrolmentCsv', () => {
  it('reads comma-separated rows, numbering them as a spreadsheet does', () => {
    const result = parseEnrolmentCsv(csv('code,cohort,practitioner_email\nA-001,Site A,Anna@Example.org\n,Site B,\n'));
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, code: 'A-001', cohort: 'Site A', practitionerEmail: 'anna@example.org', ageBand: null, gender: null },
        { row: 3, code: null, cohort: 'Site B', practitionerEmail: null, ageBand: null, gender: null },
      ],
    });
  });

  it('accepts the semicolons and byte-order mark of Dutch spreadsheet exports', () => {
    const result = parseEnrolmentCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv('cohort;code\r\nSite A;X-1\r\n')]));
    expect(result).toEqual({
      ok: true,
      rows: [{ row: 2, code: 'X-1', cohort: 'Site A', practitionerEmail: null, ageBand: null, gender: null }],
    });
  });

  it('rejects text that is not UTF-8, naming the encoding', () => {
    const latin1 = Buffer.from('cohort\nZ\xe9land\n', 'latin1');
    const result = parseEnrolmentCsv(latin1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/UTF-8/);
      expect(result.errors).toEqual([{ row: 0, column: 'file', reason: 'encoding' }]);
    }
  });

  it('names a missing required column and each unknown column', () => {
    const result = parseEnrolmentCsv(csv('code,name,email\nA-1,Jan,jan@x.nl\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { row: 1, column: 'cohort', reason: 'required column is missing' },
          expect.objectContaining({ row: 1, column: 'name' }),
          expect.objectContaining({ row: 1, column: 'email' }),
        ]),
      );
    }
  });

  it('rejects an empty file, a header without rows, and rows with more fields than the header', () => {
    expect(parseEnrolmentCsv(csv('')).ok).toBe(false);
    expect(parseEnrolmentCsv(csv('cohort\n')).ok).toBe(false);
    const extra = parseEnrolmentCsv(csv('cohort\nSite A,unexpected\n'));
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.errors[0]).toMatchObject({ row: 2, column: 'row' });
  });

  it('reads the optional age_band and gender columns, empty meaning unknown', () => {
    const result = parseEnrolmentCsv(csv('cohort,age_band,gender\nSite A,25-34,Female\nSite B,,\nSite A,65+,other\n'));
    expect(result.ok && result.rows.map((row) => [row.ageBand, row.gender])).toEqual([
      ['25-34', 'female'],
      [null, null],
      ['65+', 'other'],
    ]);
  });

  it('names each row and column with an age band or gender outside the allowed values', () => {
    const result = parseEnrolmentCsv(csv('cohort,age_band,gender\nSite A,25-35,female\nSite A,18-24,x\nSite A,41,\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => [error.row, error.column])).toEqual([
        [2, 'age_band'],
        [3, 'gender'],
        [4, 'age_band'],
      ]);
      expect(result.errors[0].reason).toContain('18-24, 25-34');
    }
  });
});

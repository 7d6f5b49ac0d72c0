import { SqlConditions } from './sql-conditions';

describe('SqlConditions', () => {
  it('numbers placeholders after the fixed parameters and keeps values out of the SQL', () => {
    const where = new SqlConditions(['study', 'institution'])
      .when('cohort', 'p.cohort_id = ?', 'cohort')
      .when(undefined, 'p.practitioner_id = ?', 'nobody')
      .add("(x.timepoint_id = ? OR t.kind = 'baseline' OR x.timepoint_id = ?)", 't1', 't2');
    expect(where.sql).toBe(
      " AND p.cohort_id = $3 AND (x.timepoint_id = $4 OR t.kind = 'baseline' OR x.timepoint_id = $5)",
    );
    expect(where.params).toEqual(['study', 'institution', 'cohort', 't1', 't2']);
    expect(new SqlConditions().sql).toBe('');
  });

  it('refuses a clause whose placeholders and values do not match', () => {
    expect(() => new SqlConditions().add('a = ? AND b = ?', 1)).toThrow(/more \? than values/);
    expect(() => new SqlConditions().add('a = ?', 1, 2)).toThrow(/more values than \?/);
  });
});

/**
 * The one shape for optional filters in raw SQL: `AND` conditions with numbered parameters, appended to a query
 * whose fixed parameters come first. Each `?` in a condition becomes the placeholder of the next value, so values
 * never enter the SQL text.
 *
 * @example
 * const where = new SqlConditions([studyId]).when(cohortId, 'p.cohort_id = ?', cohortId);
 * m.query(`SELECT … WHERE p.study_id = $1${where.sql}`, where.params);
 */
export class SqlConditions {
  private readonly clauses: string[] = [];
  readonly params: unknown[];

  constructor(fixedParams: readonly unknown[] = []) {
    this.params = [...fixedParams];
  }

  /** Adds `clause`, its `?` placeholders taking `values` in order. */
  add(clause: string, ...values: unknown[]): this {
    let next = 0;
    const text = clause.replace(/\?/g, () => {
      if (next >= values.length) throw new Error(`SqlConditions: more ? than values in ${clause}`);
      this.params.push(values[next++]);
      return `$${this.params.length}`;
    });
    if (next !== values.length) throw new Error(`SqlConditions: more values than ? in ${clause}`);
    this.clauses.push(text);
    return this;
  }

  /** Adds `clause` only when `condition` holds (a filter that was given). */
  when(condition: unknown, clause: string, ...values: unknown[]): this {
    return condition ? this.add(clause, ...values) : this;
  }

  /** ` AND a AND b …`, or the empty string without conditions. */
  get sql(): string {
    return this.clauses.map((clause) => ` AND ${clause}`).join('');
  }
}

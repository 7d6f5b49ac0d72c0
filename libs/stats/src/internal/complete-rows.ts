import { isMissing, type MaybeNumber } from './data-policy';

/**
 * Listwise deletion for row-matrix inputs (items, ratings), as the data policy prescribes: every row with a missing
 * cell is dropped. Checks that all rows have the same number of columns. O(rows x columns).
 * @throws RangeError when rows differ in length.
 */
export function completeRows(functionName: string, rows: readonly (readonly MaybeNumber[])[]): number[][] {
  const columns = rows[0]?.length ?? 0;
  const out: number[][] = [];
  for (const row of rows) {
    if (row.length !== columns) {
      throw new RangeError(`${functionName} requires rows of equal length, got ${columns} and ${row.length}`);
    }
    if (row.some((value) => isMissing(value))) continue;
    out.push(row as number[]);
  }
  return out;
}

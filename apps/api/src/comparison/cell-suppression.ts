/**
 * Small-cell suppression of a table of counts (rows = institutions, columns = counts, one total per column), as the
 * small-cell rules of health statistics offices do it:
 *
 * - primary: a count under the threshold is hidden;
 * - secondary: wherever a total is shown, the hidden cells of its column must not be recoverable by subtraction,
 *   so either none is hidden, or at least two are and together they hold at least `threshold` (else an interval
 *   narrower than the threshold would be disclosed). When that fails, the smallest shown cell is hidden too; when
 *   no cell is left to hide, the total is hidden;
 * - complements: for a pair (whole, part) with part a subset of whole (e.g. changeN and recovered), whole - part is
 *   a count that anyone can compute from two shown cells, so it obeys the same rules (a shown difference under the
 *   threshold hides the part; the differences' column is protected against its total like any other);
 * - nesting: for a pair (whole, part) where part counts a subset of whole's people (or, for invitations, what they
 *   received), a shown part bounds a hidden whole from below, and so the cell that whole protects from above; a
 *   hidden whole therefore hides its part;
 * - known rows (the viewer's own institution) are always shown and never hidden to protect another cell, because
 *   the viewer knows them anyway: protection counts only cells the viewer does not know.
 *
 * Every step only adds suppression, so the loop ends; it runs until nothing changes. Pure; O(iterations * cells).
 */
export type CellStatus = 'shown' | 'primary' | 'secondary';

export interface SuppressionTableInput<K extends string> {
  /** Smallest count that may be shown (KLIK_ANALYSIS_MIN_N). */
  threshold: number;
  /** Per column, one count per row; the column's total is the sum of its counts. */
  columns: Record<K, number[]>;
  /** Rows the viewer knows (their own institution); empty or all false for a viewer who knows none. */
  known: boolean[];
  /** Pairs [whole, part] where part counts a subset of whole's people: whole - part is protected like a count. */
  complements: readonly (readonly [K, K])[];
  /** Pairs [whole, part] where part is bounded by whole: a hidden whole hides the part. */
  nested?: readonly (readonly [K, K])[];
}

export interface SuppressionTableResult<K extends string> {
  cells: Record<K, CellStatus[]>;
  totals: Record<K, CellStatus>;
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Protects one column (or complement column) against subtraction from its total. `hide(i)` hides the cell that
 * makes cell i unknown; `hideTotal()` hides the total. Returns true when it hid something.
 */
function protectLine(
  values: number[],
  hidden: boolean[],
  known: boolean[],
  threshold: number,
  hide: (index: number) => void,
  hideTotal: () => void,
): boolean {
  const hiddenIndexes = values.map((_, index) => index).filter((index) => hidden[index]);
  if (hiddenIndexes.length === 0) return false;
  const hiddenSum = sum(hiddenIndexes.map((index) => values[index]));
  if (hiddenIndexes.length >= 2 && hiddenSum >= threshold) return false;
  const candidates = values
    .map((value, index) => ({ value, index }))
    .filter(({ index }) => !hidden[index] && !known[index])
    .sort((a, b) => a.value - b.value || a.index - b.index);
  if (candidates.length === 0) hideTotal();
  else hide(candidates[0].index);
  return true;
}

export function suppressTable<K extends string>(input: SuppressionTableInput<K>): SuppressionTableResult<K> {
  const { threshold, columns, complements } = input;
  const keys = Object.keys(columns) as K[];
  const rows = keys.length > 0 ? columns[keys[0]].length : 0;
  const known = Array.from({ length: rows }, (_, index) => input.known[index] === true);
  const cells = {} as Record<K, CellStatus[]>;
  const totals = {} as Record<K, CellStatus>;
  for (const key of keys) {
    cells[key] = columns[key].map((value, index) =>
      !known[index] && value < threshold ? 'primary' : 'shown',
    );
    totals[key] = sum(columns[key]) < threshold ? 'primary' : 'shown';
  }
  const isHidden = (key: K, index: number) => cells[key][index] !== 'shown';
  let changed = true;
  while (changed) {
    changed = false;
    for (const key of keys) {
      if (totals[key] !== 'shown') continue;
      changed =
        protectLine(
          columns[key],
          columns[key].map((_, index) => isHidden(key, index)),
          known,
          threshold,
          (index) => (cells[key][index] = 'secondary'),
          () => (totals[key] = 'secondary'),
        ) || changed;
    }
    for (const [whole, part] of input.nested ?? []) {
      cells[whole].forEach((status, index) => {
        if (status !== 'shown' && cells[part][index] === 'shown') {
          cells[part][index] = 'secondary';
          changed = true;
        }
      });
    }
    for (const [whole, part] of complements) {
      const differences = columns[whole].map((value, index) => value - columns[part][index]);
      // A shown difference under the threshold: hide the part (the whole stays, it is usually the n).
      differences.forEach((difference, index) => {
        if (!known[index] && difference < threshold && !isHidden(whole, index) && !isHidden(part, index)) {
          cells[part][index] = 'secondary';
          changed = true;
        }
      });
      if (totals[whole] !== 'shown' || totals[part] !== 'shown') continue;
      if (sum(differences) < threshold) {
        totals[part] = 'secondary';
        changed = true;
        continue;
      }
      changed =
        protectLine(
          differences,
          differences.map((_, index) => isHidden(whole, index) || isHidden(part, index)),
          known,
          threshold,
          (index) => (cells[part][index] = 'secondary'),
          () => (totals[part] = 'secondary'),
        ) || changed;
    }
  }
  return { cells, totals };
}

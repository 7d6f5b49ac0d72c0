import fc from 'fast-check';
import { type CellStatus, suppressTable } from './cell-suppression';

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * What a viewer can learn by subtraction from one line (cells and their total): a cell it does not know is exposed
 * when it is shown under the threshold, or when the line's total is shown and the cells it cannot see are exactly
 * one, or together fewer than the threshold. Returns a description of the first leak, or null.
 */
function lineLeak(
  values: number[],
  hidden: boolean[],
  known: boolean[],
  totalShown: boolean,
  threshold: number,
): string | null {
  for (let i = 0; i < values.length; i++) {
    if (!known[i] && !hidden[i] && values[i] < threshold) return `cell ${i} = ${values[i]} shown`;
  }
  if (totalShown && sum(values) < threshold) return `total ${sum(values)} shown`;
  if (!totalShown) return null;
  const unseen = values.filter((_, i) => hidden[i]);
  if (unseen.length === 1) return `single hidden cell ${unseen[0]} = total - shown`;
  if (unseen.length > 1 && sum(unseen) < threshold) return `hidden cells sum to ${sum(unseen)}`;
  return null;
}

const tableArbitrary = fc
  .record({
    rows: fc.integer({ min: 1, max: 7 }),
    threshold: fc.integer({ min: 3, max: 15 }),
    viewer: fc.integer({ min: -1, max: 6 }),
  })
  .chain(({ rows, threshold, viewer }) =>
    fc.record({
      threshold: fc.constant(threshold),
      known: fc.constant(Array.from({ length: rows }, (_, index) => index === viewer)),
      // Mostly small counts, so that primary cells, ties and near-threshold sums are common.
      whole: fc.array(fc.oneof(fc.nat(12), fc.nat(80)), { minLength: rows, maxLength: rows }),
      partShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: rows, maxLength: rows }),
      other: fc.array(fc.oneof(fc.nat(12), fc.nat(80)), { minLength: rows, maxLength: rows }),
    }),
  );

describe('suppressTable', () => {
  it('leaves no cell under the threshold recoverable by subtraction, for any table, total and viewer', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ threshold, known, whole, partShare, other }) => {
        const part = whole.map((value, index) => Math.floor(value * partShare[index]));
        const columns = { whole, part, other };
        const result = suppressTable({
          threshold,
          columns,
          known,
          complements: [['whole', 'part']],
          nested: [['other', 'whole']],
        });
        // Nesting: a hidden 'other' hides 'whole' in the same row.
        result.cells.other.forEach((status, index) => {
          if (status !== 'shown') expect(result.cells.whole[index]).not.toBe('shown');
        });
        const hidden = (statuses: CellStatus[]) => statuses.map((status) => status !== 'shown');
        for (const key of ['whole', 'part', 'other'] as const) {
          // Known rows are always shown; no other cell of a column is shown under the threshold.
          result.cells[key].forEach((status, index) => {
            if (known[index]) expect(status).toBe('shown');
          });
          const leak = lineLeak(
            columns[key],
            hidden(result.cells[key]),
            known,
            result.totals[key] === 'shown',
            threshold,
          );
          if (leak) throw new Error(`${key}: ${leak}`);
        }
        // The complement whole - part is computable wherever both cells (or both totals) are shown.
        const differences = whole.map((value, index) => value - part[index]);
        const differenceHidden = differences.map(
          (_, index) => result.cells.whole[index] !== 'shown' || result.cells.part[index] !== 'shown',
        );
        const leak = lineLeak(
          differences,
          differenceHidden,
          known,
          result.totals.whole === 'shown' && result.totals.part === 'shown',
          threshold,
        );
        if (leak) throw new Error(`whole - part: ${leak}`);
      }),
      { numRuns: 2000, seed: 20261129, endOnFailure: true },
    );
  });

  it('marks the cells under the threshold primary and adds the next smallest as secondary', () => {
    const result = suppressTable({
      threshold: 10,
      columns: { n: [40, 25, 31, 4] },
      known: [],
      complements: [],
    });
    expect(result.cells.n).toEqual(['shown', 'secondary', 'shown', 'primary']);
    expect(result.totals.n).toBe('shown');
  });

  it('hides more cells until the hidden ones hold at least the threshold, never the known row', () => {
    // Viewer knows row 0 (12): hiding it would not protect row 3 from that viewer, so row 1 and then row 2 go.
    const result = suppressTable({
      threshold: 10,
      columns: { n: [12, 3, 40, 2] },
      known: [true],
      complements: [],
    });
    expect(result.cells.n).toEqual(['shown', 'primary', 'secondary', 'primary']);
  });

  it('hides the total when only known cells are left to hide', () => {
    const result = suppressTable({
      threshold: 10,
      columns: { n: [50, 4] },
      known: [true, false],
      complements: [],
    });
    expect(result.cells.n).toEqual(['shown', 'primary']);
    expect(result.totals.n).toBe('secondary');
  });

  it('hides a part whose whole is hidden, since the shown part would bound the whole', () => {
    const result = suppressTable({
      threshold: 10,
      columns: { participants: [30, 12, 45, 5], invitations: [90, 36, 135, 15] },
      known: [],
      complements: [],
      nested: [['participants', 'invitations']],
    });
    expect(result.cells.participants).toEqual(['shown', 'secondary', 'shown', 'primary']);
    expect(result.cells.invitations).toEqual(['shown', 'secondary', 'shown', 'secondary']);
  });

  it('protects the complement: 12 of 14 recovered hides the recovered count, not the n', () => {
    const result = suppressTable({
      threshold: 10,
      columns: { n: [14, 50, 60], recovered: [12, 20, 25] },
      known: [],
      complements: [['n', 'recovered']],
    });
    expect(result.cells.n).toEqual(['shown', 'shown', 'shown']);
    expect(result.cells.recovered[0]).toBe('secondary');
    // ...and a second recovered count, so that the total does not give the first back.
    expect(result.cells.recovered.filter((status) => status !== 'shown').length).toBeGreaterThanOrEqual(2);
  });
});

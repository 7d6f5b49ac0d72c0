/** A variable pair of a correlation matrix as the API sends it (each distinct pair once). */
export interface PairCell {
  x: string;
  y: string;
}

export interface PlacedCell<T extends PairCell> {
  cell: T;
  /** Row and column in the lower triangle: row > column. */
  row: number;
  column: number;
}

/**
 * Places each pair in the lower triangle of the matrix of `variableIds` (row = the later variable, column = the
 * earlier one), whichever way round the API named them. Pairs of unknown variables or a variable with itself
 * are left out.
 */
export function placeLowerTriangle<T extends PairCell>(
  variableIds: readonly string[],
  cells: readonly T[],
): PlacedCell<T>[] {
  const index = new Map(variableIds.map((id, i) => [id, i]));
  const placed: PlacedCell<T>[] = [];
  for (const cell of cells) {
    const a = index.get(cell.x);
    const b = index.get(cell.y);
    if (a === undefined || b === undefined || a === b) continue;
    placed.push({ cell, row: Math.max(a, b), column: Math.min(a, b) });
  }
  return placed.sort((p, q) => p.row - q.row || p.column - q.column);
}

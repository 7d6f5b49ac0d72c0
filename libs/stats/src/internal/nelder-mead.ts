/** Options of {@link minimizeNelderMead}. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate (default 0.1 * |x| + 0.05 per coordinate). */
  initialStep?: number[];
  /** Stop when the simplex's function values differ by at most this much, relative to |f| + 1e-10; default 1e-15. */
  functionTolerance?: number;
  /** And the simplex's largest coordinate spread is at most this; default 1e-11. */
  pointTolerance?: number;
  /** Maximum function evaluations over all restarts; default 40,000. */
  maxEvaluations?: number;
  /** Maximum restarts from the best point with a fresh simplex; default 20. */
  maxRestarts?: number;
}

/** Result of {@link minimizeNelderMead}. */
export interface NelderMeadResult {
  point: number[];
  value: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

/**
 * Unconstrained minimisation by the Nelder & Mead (1965) simplex method with the standard coefficients (reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2; Lagarias et al. 1998 ordering), restarted from the best point with a
 * fresh, smaller simplex until a restart no longer improves the value: restarts guard against the simplex collapsing
 * before a true minimum (McKinnon 1998). A non-finite function value counts as +Infinity.
 * O(d) evaluations per iteration in dimension d.
 */
export function minimizeNelderMead(
  objective: (point: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const dimension = start.length;
  const functionTolerance = options.functionTolerance ?? 1e-15;
  const pointTolerance = options.pointTolerance ?? 1e-11;
  const maxEvaluations = options.maxEvaluations ?? 40000;
  const maxRestarts = options.maxRestarts ?? 20;
  let evaluations = 0;
  const evaluate = (point: readonly number[]) => {
    evaluations++;
    const value = objective(point);
    return Number.isFinite(value) ? value : Infinity;
  };

  let best = [...start];
  let bestValue = evaluate(best);
  let steps = options.initialStep ?? start.map((value) => 0.1 * Math.abs(value) + 0.05);
  let converged = false;
  let restarts = 0;
  for (; restarts <= maxRestarts && evaluations < maxEvaluations; restarts++) {
    const simplex: number[][] = [best];
    const values: number[] = [bestValue];
    for (let i = 0; i < dimension; i++) {
      const vertex = [...best];
      vertex[i] += steps[i] === 0 ? 1e-4 : steps[i];
      simplex.push(vertex);
      values.push(evaluate(vertex));
    }
    let collapsed = false;
    while (evaluations < maxEvaluations) {
      const order = values.map((_, index) => index).sort((a, b) => values[a] - values[b]);
      const sortedSimplex = order.map((index) => simplex[index]);
      const sortedValues = order.map((index) => values[index]);
      sortedSimplex.forEach((vertex, index) => (simplex[index] = vertex));
      sortedValues.forEach((value, index) => (values[index] = value));
      const spread = Math.max(
        ...simplex.slice(1).map((vertex) => Math.max(...vertex.map((x, j) => Math.abs(x - simplex[0][j])))),
      );
      if (
        values[dimension] - values[0] <= functionTolerance * (Math.abs(values[0]) + 1e-10) &&
        spread <= pointTolerance * (1 + Math.max(...simplex[0].map(Math.abs)))
      ) {
        collapsed = true;
        break;
      }
      const centroid = new Array<number>(dimension).fill(0);
      for (let v = 0; v < dimension; v++)
        for (let j = 0; j < dimension; j++) centroid[j] += simplex[v][j] / dimension;
      const worst = simplex[dimension];
      const along = (factor: number) => centroid.map((c, j) => c + factor * (c - worst[j]));
      const reflected = along(1);
      const reflectedValue = evaluate(reflected);
      if (reflectedValue < values[0]) {
        const expanded = along(2);
        const expandedValue = evaluate(expanded);
        if (expandedValue < reflectedValue) {
          simplex[dimension] = expanded;
          values[dimension] = expandedValue;
        } else {
          simplex[dimension] = reflected;
          values[dimension] = reflectedValue;
        }
        continue;
      }
      if (reflectedValue < values[dimension - 1]) {
        simplex[dimension] = reflected;
        values[dimension] = reflectedValue;
        continue;
      }
      const outside = reflectedValue < values[dimension];
      const contracted = along(outside ? 0.5 : -0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (outside ? reflectedValue : values[dimension])) {
        simplex[dimension] = contracted;
        values[dimension] = contractedValue;
        continue;
      }
      for (let v = 1; v <= dimension; v++) {
        simplex[v] = simplex[v].map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j]));
        values[v] = evaluate(simplex[v]);
      }
    }
    let bestIndex = 0;
    for (let v = 1; v <= dimension; v++) if (values[v] < values[bestIndex]) bestIndex = v;
    const improvement = bestValue - values[bestIndex];
    const moved = Math.max(...simplex[bestIndex].map((x, j) => Math.abs(x - best[j])));
    best = [...simplex[bestIndex]];
    bestValue = values[bestIndex];
    if (
      collapsed &&
      restarts > 0 &&
      improvement <= functionTolerance * (Math.abs(bestValue) + 1e-10) &&
      moved <= 1e3 * pointTolerance
    ) {
      converged = true;
      break;
    }
    steps = steps.map((step, j) => Math.max(1e-3 * (Math.abs(best[j]) + 1e-3), Math.abs(step) / 10));
  }
  return { point: best, value: bestValue, evaluations, restarts, converged };
}

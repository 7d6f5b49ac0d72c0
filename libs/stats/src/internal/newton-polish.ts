import { choleskyFactor, choleskySolve } from './linear-algebra';

/**
 * Refines a minimum found by a derivative-free search with Newton steps on central finite differences (gradient
 * and Hessian; the gradient by Richardson extrapolation), accepting a step only while the objective does not rise by more than its rounding noise and the
 * step keeps shrinking. A derivative-free search pins a smooth minimum only to about sqrt(machine epsilon) in the
 * parameters (the objective is flat there); Newton steps on the gradient reach ~1e-10. Stops when the Hessian is not
 * positive definite. O(d^2) evaluations per step in dimension d.
 */
export function polishNewton(
  objective: (point: readonly number[]) => number,
  start: readonly number[],
  maxSteps = 8,
): { point: number[]; value: number; evaluations: number } {
  const dimension = start.length;
  let point = [...start];
  let value = objective(point);
  let evaluations = 1;
  let previousStepSize = Infinity;
  const at = (base: readonly number[], changes: [number, number][]) => {
    const shifted = [...base];
    for (const [index, delta] of changes) shifted[index] += delta;
    evaluations++;
    return objective(shifted);
  };
  for (let step = 0; step < maxSteps; step++) {
    const h = point.map((x) => 1e-3 * Math.max(Math.abs(x), 0.1));
    const gradient = new Array<number>(dimension);
    const hessian = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
    for (let i = 0; i < dimension; i++) {
      const plus = at(point, [[i, h[i]]]);
      const minus = at(point, [[i, -h[i]]]);
      const plusHalf = at(point, [[i, h[i] / 2]]);
      const minusHalf = at(point, [[i, -h[i] / 2]]);
      // Richardson extrapolation of two central differences: error O(h^4), so h can be large against the noise.
      gradient[i] = (4 * ((plusHalf - minusHalf) / h[i]) - (plus - minus) / (2 * h[i])) / 3;
      hessian[i][i] = (plus - 2 * value + minus) / (h[i] * h[i]);
      for (let j = 0; j < i; j++) {
        const pp = at(point, [
          [i, h[i]],
          [j, h[j]],
        ]);
        const pm = at(point, [
          [i, h[i]],
          [j, -h[j]],
        ]);
        const mp = at(point, [
          [i, -h[i]],
          [j, h[j]],
        ]);
        const mm = at(point, [
          [i, -h[i]],
          [j, -h[j]],
        ]);
        hessian[i][j] = hessian[j][i] = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
      }
    }
    const factor = choleskyFactor(hessian);
    if (!factor || !gradient.every(Number.isFinite)) break;
    const direction = choleskySolve(
      factor,
      gradient.map((g) => -g),
    );
    const stepSize = Math.max(...direction.map(Math.abs));
    if (!(stepSize < previousStepSize)) break;
    const candidate = point.map((x, i) => x + direction[i]);
    const candidateValue = objective(candidate);
    evaluations++;
    if (!(candidateValue <= value + 64 * Number.EPSILON * Math.abs(value))) break;
    point = candidate;
    value = Math.min(value, candidateValue);
    previousStepSize = stepSize;
    if (stepSize < 1e-13) break;
  }
  return { point, value: objective(point), evaluations: evaluations + 1 };
}

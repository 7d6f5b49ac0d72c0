import type { RandomGenerator } from './random';

// Bound once: under Jest's vm context every lookup of a global such as Math goes through an interceptor (about ten
// times slower per draw in the specs than in Node).
const { sqrt, log, cos, PI } = Math;

/**
 * A standard normal deviate from a seeded generator by the Box-Muller transform (Box & Muller 1958), cosine branch:
 * z = sqrt(-2 ln u) cos(2 pi v) with u = 1 - nextFloat() (in (0, 1], so the logarithm is finite) and v = nextFloat().
 * Two uniforms per deviate; the sine branch is not kept, so each call is independent of the last.
 *
 * Complexity: O(1).
 * @example
 * const random = createRandomGenerator(20261129);
 * normalDeviate(random) // a draw from N(0, 1); the same seed always gives the same draws
 */
export function normalDeviate(random: RandomGenerator): number {
  const u = 1 - random.nextFloat();
  const v = random.nextFloat();
  return sqrt(-2 * log(u)) * cos(2 * PI * v);
}

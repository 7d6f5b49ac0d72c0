/** A seeded source of uniform random numbers, as used by the resampling functions. */
export interface RandomGenerator {
  /** Next uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Next uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Next uniform integer in [0, bound), without modulo bias; bound an integer in [1, 2^32]. */
  nextInt(bound: number): number;
}

const mask64 = (1n << 64n) - 1n;
// Bound once: under Jest's vm context every lookup of a global such as Math goes through an interceptor.
const { imul } = Math;

/** SplitMix64 (Steele, Lea & Flood 2014), used only to expand the seed into the 128-bit state, as Vigna advises. */
function splitMix64(seed: bigint): () => bigint {
  let state = seed & mask64;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask64;
    return z ^ (z >> 31n);
  };
}

/**
 * A seeded pseudo-random generator: xoshiro128** 1.1 (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47:4), period 2^128 - 1, with its 128-bit state filled from SplitMix64(seed) (low 32 bits of
 * each 64-bit output first). Output matches the authors' C code (reference/xoshiro128starstar.c). The same seed
 * always gives the same sequence, on every platform. Not for cryptography.
 *
 * - `nextUint32`: the raw output;
 * - `nextFloat`: (a >>> 5) * 2^26 + (b >>> 6), divided by 2^53, from two outputs (as Java's and numpy's doubles);
 * - `nextInt(bound)`: rejection of the lowest (2^32 mod bound) outputs, then modulo: exactly uniform.
 *
 * Complexity: O(1) per number; seeding O(1).
 * @param seed any safe integer (negative seeds are taken modulo 2^64).
 * @throws RangeError when the seed is not a safe integer, or (from nextInt) when the bound is not an integer in [1, 2^32].
 * @example
 * const random = createRandomGenerator(20261129);
 * random.nextUint32(); // 3339114694
 */
export function createRandomGenerator(seed: number): RandomGenerator {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`createRandomGenerator requires a safe integer seed, got ${seed}`);
  }
  const next64 = splitMix64(BigInt(seed));
  const first = next64();
  const second = next64();
  let state0 = Number(first & 0xffffffffn) >>> 0;
  let state1 = Number(first >> 32n) >>> 0;
  let state2 = Number(second & 0xffffffffn) >>> 0;
  let state3 = Number(second >> 32n) >>> 0;

  const nextUint32 = (): number => {
    const product = imul(state1, 5);
    const result = imul((product << 7) | (product >>> 25), 9) >>> 0;
    const shifted = state1 << 9;
    state2 ^= state0;
    state3 ^= state1;
    state1 ^= state2;
    state0 ^= state3;
    state2 ^= shifted;
    state3 = (state3 << 11) | (state3 >>> 21);
    return result;
  };

  return {
    nextUint32,
    nextFloat: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    nextInt: (bound: number) => {
      if (!Number.isInteger(bound) || bound < 1 || bound > 4294967296) {
        throw new RangeError(`nextInt requires an integer bound in [1, 2^32], got ${bound}`);
      }
      const threshold = 4294967296 % bound;
      for (;;) {
        const value = nextUint32();
        if (value >= threshold) return value % bound;
      }
    },
  };
}

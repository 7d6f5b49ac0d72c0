import { createRandomGenerator } from './random';

describe('createRandomGenerator', () => {
  it('reproduces the reference C implementation of xoshiro128** seeded by SplitMix64', () => {
    // Output of reference/xoshiro128starstar.c (cc -O2 xoshiro128starstar.c && ./a.out).
    const expected: Record<number, number[]> = {
      0: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774],
      1: [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319],
      20261129: [3339114694, 4201979826, 1977504087, 945169104, 3887753617, 3753598837],
      9007199254740991: [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921],
    };
    for (const [seed, values] of Object.entries(expected)) {
      const random = createRandomGenerator(Number(seed));
      expect(values.map(() => random.nextUint32())).toEqual(values);
    }
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRandomGenerator(42);
    const b = createRandomGenerator(42);
    const c = createRandomGenerator(43);
    const draw = (g: ReturnType<typeof createRandomGenerator>) =>
      Array.from({ length: 20 }, () => g.nextFloat());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('builds doubles in [0, 1) from two outputs and draws uniform integers', () => {
    // nextFloat = ((u1 >>> 5) * 2^26 + (u2 >>> 6)) / 2^53 with u1, u2 the first two outputs of seed 0.
    expect(createRandomGenerator(0).nextFloat()).toBe(
      ((3737715805 >>> 5) * 67108864 + (2584255861 >>> 6)) / 2 ** 53,
    );
    const random = createRandomGenerator(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[random.nextInt(6)]++;
    // Each count is Binomial(60000, 1/6): mean 10000, sd 91; 5 sd either side.
    for (const count of counts) expect(Math.abs(count - 10000)).toBeLessThan(456);
    for (let i = 0; i < 1000; i++) {
      const value = random.nextFloat();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  it('throws a RangeError for an unsafe seed or bound', () => {
    expect(() => createRandomGenerator(1.5)).toThrow(
      new RangeError('createRandomGenerator requires a safe integer seed, got 1.5'),
    );
    expect(() => createRandomGenerator(2 ** 60)).toThrow(RangeError);
    expect(() => createRandomGenerator(1).nextInt(0)).toThrow(RangeError);
  });
});

import { normalCdf } from '../distributions/normal';
import { normalDeviate } from './normal-deviate';
import { createRandomGenerator } from './random';

describe('normalDeviate', () => {
  it('is the Box-Muller cosine branch of two uniforms from the generator', () => {
    const draws = createRandomGenerator(7);
    const uniforms = createRandomGenerator(7);
    for (let i = 0; i < 5; i++) {
      const u = 1 - uniforms.nextFloat();
      const v = uniforms.nextFloat();
      expect(normalDeviate(draws)).toBe(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
  });

  it('draws from N(0, 1): mean, variance and the share below each of a few quantiles', () => {
    const random = createRandomGenerator(20261129);
    const n = 200_000;
    const values = Array.from({ length: n }, () => normalDeviate(random));
    const mean = values.reduce((sum, value) => sum + value, 0) / n;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
    // Sampling error of the mean is 1 / sqrt(n) = 0.0022 and of the variance sqrt(2 / n) = 0.0032: 5 SE margins.
    expect(Math.abs(mean)).toBeLessThan(0.012);
    expect(Math.abs(variance - 1)).toBeLessThan(0.016);
    for (const z of [-1.96, -1, 0, 1, 1.96]) {
      const share = values.filter((value) => value <= z).length / n;
      expect(Math.abs(share - normalCdf(z))).toBeLessThan(0.006);
    }
  });
});

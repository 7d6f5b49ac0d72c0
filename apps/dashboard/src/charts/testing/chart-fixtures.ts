import { seededNormal } from './seeded';

// Deterministic inputs for the chart specs, shaped like the API's responses (numbers rounded as the API sends).

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

export const heatmapVariables = [
  { id: 'alliance', label: 'Alliance' },
  { id: 'disclosure.fit', label: 'Disclosure: fit' },
  { id: 'phq9.baseline', label: 'PHQ-9 baseline' },
  { id: 'phq9.change', label: 'PHQ-9 change' },
];

/** Six pairs, one suppressed, one named the other way round (y before x). */
export const heatmapCells = [
  {
    x: 'alliance',
    y: 'disclosure.fit',
    n: 96,
    suppressed: false,
    estimate: 0.412,
    ci: [0.231, 0.565] as [number, number],
    p: 0.00003,
    pAdjusted: 0.0002,
  },
  {
    x: 'alliance',
    y: 'phq9.baseline',
    n: 96,
    suppressed: false,
    estimate: -0.054,
    ci: [-0.251, 0.147] as [number, number],
    p: 0.602,
    pAdjusted: 0.602,
  },
  {
    x: 'alliance',
    y: 'phq9.change',
    n: 90,
    suppressed: false,
    estimate: -0.281,
    ci: [-0.461, -0.079] as [number, number],
    p: 0.0073,
    pAdjusted: 0.029,
  },
  {
    x: 'phq9.baseline',
    y: 'disclosure.fit',
    n: 7,
    suppressed: true,
    estimate: null,
    ci: null,
    p: null,
    pAdjusted: null,
  },
  {
    x: 'disclosure.fit',
    y: 'phq9.change',
    n: 88,
    suppressed: false,
    estimate: -0.102,
    ci: [-0.302, 0.108] as [number, number],
    p: 0.344,
    pAdjusted: 0.516,
  },
  {
    x: 'phq9.baseline',
    y: 'phq9.change',
    n: 90,
    suppressed: false,
    estimate: -0.462,
    ci: [-0.61, -0.283] as [number, number],
    p: 0.000004,
    pAdjusted: 0.00002,
  },
];

/** `count` points around y = 2 + 0.5x with unit noise, and the fitted band at 11 x values. */
export function scatterFixture(count: number, seed = 7) {
  const normal = seededNormal(seed);
  const points = Array.from({ length: count }, () => {
    const x = round(3 + normal() * 0.6, 2);
    return { x, y: round(2 + 0.5 * x + normal(), 2) };
  });
  const band = Array.from({ length: 11 }, (_, i) => {
    const x = round(1.5 + i * 0.3, 2);
    const fit = round(2 + 0.5 * x);
    const half = round(0.1 + Math.abs(x - 3) * 0.08);
    return { x, fit, lower: round(fit - half), upper: round(fit + half) };
  });
  return { points, band };
}

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

/** `clients` series of 4–9 sessions, the mean per session (one suppressed) and a fitted line. */
export function trajectoryFixture(clients = 12, seed = 11) {
  const normal = seededNormal(seed);
  const series = Array.from({ length: clients }, (_, i) => {
    const sessions = 4 + (i % 6);
    const level = 3.4 + normal() * 0.4;
    return {
      series: i + 1,
      points: Array.from({ length: sessions }, (_, s) => ({
        session: s + 1,
        value: round(level + 0.05 * (s + 1) + normal() * 0.25, 2),
      })),
    };
  });
  const means = Array.from({ length: 9 }, (_, s) => {
    const values = series.flatMap((entry) =>
      entry.points.filter((p) => p.session === s + 1).map((p) => p.value),
    );
    const n = values.length;
    const suppressed = n < 3;
    const mean = suppressed ? null : round(values.reduce((sum, v) => sum + v, 0) / n);
    return {
      session: s + 1,
      n,
      suppressed,
      mean,
      ci: mean === null ? null : ([round(mean - 0.2), round(mean + 0.2)] as [number, number]),
    };
  });
  const fitted = Array.from({ length: 9 }, (_, s) => {
    const fit = round(3.45 + 0.05 * (s + 1));
    return { x: s + 1, fit, lower: round(fit - 0.15), upper: round(fit + 0.15) };
  });
  return { series, means, fitted };
}

/** PHQ-9 style pre/post points with their Jacobson–Truax category (cut-off 10, reliable change 6). */
export function prePostFixture(count = 40, seed = 5) {
  const normal = seededNormal(seed);
  return Array.from({ length: count }, () => {
    const pre = Math.min(27, Math.max(0, Math.round(15 + normal() * 4)));
    const post = Math.min(27, Math.max(0, Math.round(pre - 4 + normal() * 5)));
    const change = post - pre;
    const category =
      change <= -6 ? (post < 10 ? 'recovered' : 'improved') : change >= 6 ? 'deteriorated' : 'unchanged';
    return { pre, post, category: category as 'recovered' | 'improved' | 'unchanged' | 'deteriorated' };
  });
}

export const changeGroups = [
  {
    label: 'All cohorts',
    n: 90,
    suppressed: false,
    counts: { recovered: 27, improved: 18, unchanged: 36, deteriorated: 9 },
    percentages: { recovered: 30, improved: 20, unchanged: 40, deteriorated: 10 },
  },
  {
    label: 'Utrecht',
    n: 84,
    suppressed: false,
    counts: { recovered: 25, improved: 17, unchanged: 34, deteriorated: 8 },
    percentages: { recovered: 29.8, improved: 20.2, unchanged: 40.5, deteriorated: 9.5 },
  },
  { label: 'Groningen', n: 6, suppressed: true, counts: null, percentages: null },
];

export const forestRows = [
  {
    label: 'Institution A',
    estimate: -0.31,
    ci: [-0.49, -0.1] as [number, number],
    n: 80,
    weight: 48.2,
    suppressed: null,
    own: true,
  },
  {
    label: 'Institution B',
    estimate: -0.22,
    ci: [-0.42, 0.01] as [number, number],
    n: 70,
    weight: 41.5,
    suppressed: null,
  },
  {
    label: 'Institution C',
    estimate: -0.05,
    ci: [-0.5, 0.42] as [number, number],
    n: 16,
    weight: 10.3,
    suppressed: null,
  },
  { label: 'Institution D', estimate: null, ci: null, n: null, weight: null, suppressed: 'primary' as const },
];

export const forestPooled = {
  estimate: -0.25,
  ci: [-0.39, -0.1] as [number, number],
  predictionInterval: [-0.52, 0.06] as [number, number],
  k: 3,
};

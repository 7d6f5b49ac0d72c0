import { describe, expect, it } from 'vitest';
import { click, getButton, present, render, textOf } from '../test/render';
import { ForestPlot } from './forest-plot';
import { IntervalChart } from './interval-chart';
import { forestPooled, forestRows } from './testing/chart-fixtures';

const kappaRows = [
  {
    label: 'Struggles',
    estimate: 0.52,
    ci: [0.41, 0.63] as [number, number],
    suppressed: false,
    note: '81% agreement',
  },
  { label: 'Techniques', estimate: null, ci: null, suppressed: false, note: '100% agreement' },
  { label: 'Low point', estimate: null, ci: null, suppressed: true },
  { label: 'Victories', estimate: -0.08, ci: [-0.2, 0.04] as [number, number], suppressed: false },
];

describe('IntervalChart', () => {
  async function draw() {
    return render(
      <IntervalChart
        title="Agreement per content type"
        description="Cohen's kappa with 95% CI."
        rows={kappaRows}
        axisLabel="Kappa"
        estimateLabel="Kappa"
        baseDomain={[0, 1]}
        reference={0}
        minN={10}
        markName="kappa"
      />,
    );
  }

  it('draws an estimate per estimable row and names suppressed rows', async () => {
    const container = await draw();
    expect(container.querySelectorAll('[data-mark="kappa"]')).toHaveLength(2);
    const suppressed = [...container.querySelectorAll('[data-mark="suppressed-row"]')];
    expect(suppressed).toHaveLength(1);
    expect(textOf(suppressed[0])).toBe('fewer than 10 participants: not shown');
  });

  it('extends the axis to a negative estimate and orders marks by value', async () => {
    const container = await draw();
    const [struggles, victories] = [...container.querySelectorAll('[data-mark="kappa"]')].map((c) =>
      Number(c.getAttribute('cx')),
    );
    expect(victories).toBeLessThan(struggles);
    expect([...container.querySelectorAll('.chart-tick-label')].map((t) => textOf(t))).toContain('−0.2');
  });

  it('lists estimates and intervals in the data table', async () => {
    const container = await draw();
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['Struggles', '0.52', '0.41', '0.63'],
      ['Techniques', '–', '–', '–'],
      ['Low point', 'fewer than 10 participants: not shown', '–', '–'],
      ['Victories', '-0.08', '-0.20', '0.04'],
    ]);
  });

  it('draws a secondary estimate (omega) next to the first', async () => {
    const container = await render(
      <IntervalChart
        title="Scale quality"
        description="Alpha and omega."
        rows={[
          { label: 'Alliance', estimate: 0.91, ci: [0.88, 0.93], suppressed: false, secondary: 0.92 },
          { label: 'Bond', estimate: 0.8, ci: [0.74, 0.85], suppressed: false, secondary: null },
        ]}
        axisLabel="Coefficient"
        estimateLabel="Alpha"
        secondaryLabel="Omega"
        baseDomain={[0.5, 1]}
        minN={10}
        markName="alpha"
      />,
    );
    expect(container.querySelectorAll('[data-mark="alpha"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-mark="alpha-secondary"]')).toHaveLength(1);
  });
});

describe('ForestPlot', () => {
  async function draw(pooled: typeof forestPooled | null = forestPooled) {
    return render(
      <ForestPlot
        title="Alliance–outcome correlation per institution"
        description="Pearson r with 95% CI; pooled by random effects."
        rows={forestRows}
        pooled={pooled}
        axisLabel="r"
        suppressedText={{
          primary: 'fewer than 10 participants: not shown',
          secondary: 'hidden to protect another cell',
        }}
      />,
    );
  }

  it('draws a square per shown institution, the pooled diamond and the prediction interval', async () => {
    const container = await draw();
    expect(container.querySelectorAll('[data-mark="study-square"]')).toHaveLength(3);
    expect(container.querySelectorAll('[data-mark="pooled-diamond"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-mark="prediction-interval"]')).toHaveLength(1);
    const suppressed = [...container.querySelectorAll('[data-mark="suppressed-row"]')];
    expect(suppressed.map((row) => textOf(row))).toEqual(['fewer than 10 participants: not shown']);
  });

  it('sizes the squares by weight (area proportional)', async () => {
    const container = await draw();
    const sides = [...container.querySelectorAll('[data-mark="study-square"]')].map((r) =>
      Number(r.getAttribute('width')),
    );
    expect(sides[0]).toBeCloseTo(16, 6);
    expect((sides[1] / sides[0]) ** 2).toBeCloseTo(41.5 / 48.2, 6);
    expect((sides[2] / sides[0]) ** 2).toBeCloseTo(10.3 / 48.2, 6);
  });

  it('draws the diamond from the lower to the upper CI limit and the prediction interval wider', async () => {
    const container = await draw();
    const d = present(container.querySelector('[data-mark="pooled-diamond"]')).getAttribute('d') ?? '';
    const xs = [...d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    const line = present(container.querySelector('[data-mark="prediction-interval"]'));
    expect(Number(line.getAttribute('x1'))).toBeLessThan(Math.min(...xs));
    expect(Number(line.getAttribute('x2'))).toBeGreaterThan(Math.max(...xs));
  });

  it('lists institutions, the pooled estimate and the prediction interval in the data table', async () => {
    const container = await draw();
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['Institution A', '80', '-0.31', '-0.49', '-0.10', '48.2'],
      ['Institution B', '70', '-0.22', '-0.42', '0.01', '41.5'],
      ['Institution C', '16', '-0.05', '-0.50', '0.42', '10.3'],
      ['Institution D', '–', 'fewer than 10 participants: not shown', '–', '–', '–'],
      ['Pooled (random effects)', '–', '-0.25', '-0.39', '-0.10', '100.0'],
      ['95% prediction interval', '–', '–', '-0.52', '0.06', '–'],
    ]);
  });

  it('draws no diamond when nothing could be pooled', async () => {
    const container = await draw(null);
    expect(
      container.querySelector('[data-mark="pooled-diamond"], [data-mark="prediction-interval"]'),
    ).toBeNull();
  });
});

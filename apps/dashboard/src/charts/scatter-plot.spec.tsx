import { describe, expect, it } from 'vitest';
import { click, getButton, present, render, textOf } from '../test/render';
import { CANVAS_POINT_THRESHOLD } from './render-mode';
import { ScatterPlot } from './scatter-plot';
import { scatterFixture } from './testing/chart-fixtures';

function plot(count: number) {
  const { points, band } = scatterFixture(count);
  return {
    points,
    band,
    element: (
      <ScatterPlot
        title="Alliance and PHQ-9 change"
        description="One point per client."
        xLabel="Alliance"
        yLabel="PHQ-9 change"
        points={points}
        band={band}
      />
    ),
  };
}

describe('ScatterPlot', () => {
  it('draws one SVG circle per point with the regression line and confidence band', async () => {
    const { points, element } = plot(150);
    const container = await render(element);
    expect(container.querySelectorAll('[data-mark="point"]')).toHaveLength(points.length);
    expect(container.querySelectorAll('[data-mark="regression-line"]')).toHaveLength(1);
    expect(present(container.querySelector('[data-mark="confidence-band"]')).getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+L/,
    );
    expect(container.querySelector('canvas')).toBeNull();
  });

  it('switches to a canvas above the threshold and keeps the count and the data table', async () => {
    const { points, element } = plot(CANVAS_POINT_THRESHOLD + 1);
    const container = await render(element);
    expect(container.querySelectorAll('[data-mark="point"]')).toHaveLength(0);
    const canvas = present(container.querySelector('canvas[data-mark="point-canvas"]'));
    expect(Number(canvas.getAttribute('data-mark-count'))).toBe(points.length);
    expect(container.querySelectorAll('[data-mark="regression-line"]')).toHaveLength(1);
    expect(textOf(container.querySelector('figcaption'))).toContain(
      `${points.length} points drawn on a canvas`,
    );
    await click(getButton(container, 'Show data table'));
    expect(container.querySelectorAll('tbody tr')).toHaveLength(points.length);
  });

  it('lists every point in the data table with its values', async () => {
    const { points, element } = plot(20);
    const container = await render(element);
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toEqual(points.map((p, i) => [String(i + 1), p.x.toFixed(2), p.y.toFixed(2)]));
  });

  it('places points by value: a larger x is further right, a larger y higher up', async () => {
    const { points, element } = plot(30);
    const container = await render(element);
    const circles = [...container.querySelectorAll('[data-mark="point"]')];
    const byX = points.map((p, i) => ({
      p,
      cx: Number(circles[i].getAttribute('cx')),
      cy: Number(circles[i].getAttribute('cy')),
    }));
    const sorted = [...byX].sort((a, b) => a.p.x - b.p.x);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i].cx).toBeGreaterThanOrEqual(sorted[i - 1].cx);
    const sortedY = [...byX].sort((a, b) => a.p.y - b.p.y);
    for (let i = 1; i < sortedY.length; i += 1) expect(sortedY[i].cy).toBeLessThanOrEqual(sortedY[i - 1].cy);
  });

  it('draws no line or band when the API sent none', async () => {
    const { points } = scatterFixture(12);
    const container = await render(
      <ScatterPlot title="t" description="d" xLabel="x" yLabel="y" points={points} band={[]} />,
    );
    expect(
      container.querySelector('[data-mark="regression-line"], [data-mark="confidence-band"]'),
    ).toBeNull();
    expect(container.querySelectorAll('[data-mark="point"]')).toHaveLength(12);
  });
});

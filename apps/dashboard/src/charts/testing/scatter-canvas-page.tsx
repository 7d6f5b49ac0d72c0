import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../i18n';
import '../../styles/app.css';
import { CANVAS_POINT_THRESHOLD } from '../render-mode';
import { ScatterPlot } from '../scatter-plot';
import { scatterFixture } from './chart-fixtures';
import { reportCharts, type ScatterFixture } from './scatter-canvas-report';

// A test page, not part of the app: the scatter plot in canvas mode on fixed data, for the browser test that
// reads the canvas pixels in Chromium (apps/dashboard/e2e/scatter-canvas.e2e.mjs); jsdom has no canvas.

/** Twelve far-apart positions (each ≥ 20 px from the others), eleven drawn 273 times and one once: 3,004 points. */
function sparseFixture(): ScatterFixture {
  const positions = [
    { x: 1, y: 1 },
    { x: 2, y: 5 },
    { x: 3, y: 2 },
    { x: 4, y: 8 },
    { x: 5, y: 4 },
    { x: 6, y: 9 },
    { x: 7, y: 3 },
    { x: 8, y: 7 },
    { x: 9, y: 5.5 },
    { x: 10, y: 10 },
    { x: 2.5, y: 9 },
    { x: 8.5, y: 1.5 },
  ];
  const points: { x: number; y: number }[] = [];
  for (let round = 0; round < 273; round++) points.push(...positions.slice(0, 11));
  // The last position appears once, in the middle of the list: a single translucent dot must show too.
  points.splice(1500, 0, positions[11]);
  const band = Array.from({ length: 10 }, (_, i) => {
    const x = i + 1;
    const fit = 1.5 + 0.7 * x;
    return { x, fit, lower: fit - 0.6, upper: fit + 0.6 };
  });
  return { points, band };
}

const fixtures: Record<'sparse' | 'cloud', ScatterFixture> = {
  sparse: sparseFixture(),
  cloud: scatterFixture(CANVAS_POINT_THRESHOLD + 500),
};

// The test calls this once the charts are on the page: what was drawn, with exactly what the charts were given.
(window as unknown as { scatterCanvasReport: () => ReturnType<typeof reportCharts> }).scatterCanvasReport =
  () => reportCharts(fixtures);

const container = document.getElementById('root');
if (!container) throw new Error('the page has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider initial="en">
      <main>
        {(Object.keys(fixtures) as (keyof typeof fixtures)[]).map((name) => (
          <section key={name} data-fixture={name}>
            <ScatterPlot
              title={`Scatter on a canvas (${name})`}
              description="Fixed points for the canvas test."
              xLabel="X"
              yLabel="Y"
              points={fixtures[name].points}
              band={fixtures[name].band}
            />
          </section>
        ))}
      </main>
    </I18nProvider>
  </StrictMode>,
);

// The scatter plot's canvas mode (more than CANVAS_POINT_THRESHOLD points) in real Chromium: jsdom has no canvas,
// so the unit specs only see the <canvas> element, never a pixel. Vite builds a test page
// (src/charts/testing/scatter-canvas.html) that renders two scatter plots on fixed data: "sparse", 3,004 points on
// twelve far-apart positions (one of them drawn once), and "cloud", the specs' seeded fixture with 3,500 points. At
// device pixel ratios 1 and 2 the test reads the canvas back with getImageData and checks it against the SVG axes
// the reader sees (tick values and their positions on screen, not the chart's own scale code):
//   - every point's position (value → tick-interpolated screen position → canvas pixel) is painted in the points'
//     colour, the point drawn once included;
//   - nothing is painted farther than a dot's radius plus 1 SVG unit (anti-aliasing) from any point's position;
//   - on the sparse plot, the painted pixels form exactly one blob per distinct position;
//   - the SVG on top still has both axes with ticks, the confidence band and the regression line, and the line's
//     ends sit at the band's first and last fitted values on the same axes; no SVG circle per point.
//
//   node apps/dashboard/e2e/scatter-canvas.e2e.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from './support/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dashboardRoot = resolve(here, '..');
const PAGE = 'src/charts/testing/scatter-canvas.html';
const ORIGIN = 'http://scatter-canvas.test';
/** What scatter-plot.tsx draws on the canvas: OKABE_ITO.blue dots of radius 2.5 (SVG units) at 45 % opacity. */
const DOT = { radius: 2.5, rgb: [0x00, 0x72, 0xb2], alpha: 0.45 };
/** The drawing's width in SVG units (viewBox). */
const CHART_WIDTH = 640;

/** @typedef {{ x: number, y: number }} Point */
/** @typedef {{ value: number, client: number }} TickPosition */
/**
 * What the page reports about one chart (ChartReport in src/charts/testing/scatter-canvas-report.ts).
 * @typedef {{
 *   points: Point[], band: { x: number, fit: number, lower: number | null, upper: number | null }[],
 *   canvas: { width: number, height: number, left: number, top: number, cssWidth: number, cssHeight: number,
 *             count: number, rgba: string } | null,
 *   svgCircles: number, xTicks: TickPosition[], yTicks: TickPosition[],
 *   axisLines: number, bandPath: { d: string, width: number, height: number } | null,
 *   line: { start: Point, end: Point } | null,
 * }} ChartReport
 */

const world = {
  outDir: '',
  /** @type {import('playwright-core').Browser | null} */ browser: null,
};

/** Builds only the test page, with the dashboard's own Vite configuration (plugins, aliases). */
async function buildPage(/** @type {string} */ outDir) {
  await build({
    configFile: join(dashboardRoot, 'vite.config.mts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: false, sourcemap: false },
    plugins: [
      {
        name: 'scatter-canvas-test-page',
        // The configuration lists the app's two entries; objects merge, so the input is replaced here instead.
        config(config) {
          const options = /** @type {Record<string, any>} */ (config.build ?? {});
          options.rolldownOptions = {
            ...options.rolldownOptions,
            input: { 'scatter-canvas': join(dashboardRoot, PAGE) },
          };
        },
      },
    ],
  });
}

/**
 * Opens the page at a device pixel ratio and reports both charts. Files are served from the build folder by
 * Playwright's routing (no server).
 * @param {number} deviceScaleFactor
 * @returns {Promise<{ sparse: ChartReport, cloud: ChartReport, errors: string[] }>}
 */
async function openCharts(deviceScaleFactor) {
  assert.ok(world.browser, 'set up in before()');
  const context = await world.browser.newContext({
    viewport: { width: 1000, height: 900 },
    deviceScaleFactor,
  });
  try {
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      return route.fulfill({ path: join(world.outDir, path) });
    });
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(`uncaught ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${ORIGIN}/${PAGE}`);
    await page.waitForSelector('section[data-fixture="cloud"] canvas[data-mark="point-canvas"]', {
      timeout: 60_000,
    });
    /** @type {Record<'sparse' | 'cloud', ChartReport>} */
    const reports = await page.evaluate('window.scatterCanvasReport()');
    return { ...reports, errors };
  } finally {
    await context.close();
  }
}

/**
 * value → client coordinate, interpolated between the first and last tick; fails unless every tick lies on it.
 * @param {TickPosition[]} ticks
 * @param {string} axis
 */
function axisMapping(ticks, axis) {
  assert.ok(ticks.length >= 2, `the ${axis} axis has at least two ticks (${ticks.length})`);
  assert.ok(
    ticks.every((tick) => Number.isFinite(tick.value)),
    `the ${axis} tick labels are numbers`,
  );
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  const slope = (last.client - first.client) / (last.value - first.value);
  /** @param {number} value */
  const map = (value) => first.client + (value - first.value) * slope;
  for (const tick of ticks)
    assert.ok(Math.abs(map(tick.value) - tick.client) < 0.5, `the ${axis} ticks are evenly spaced`);
  return map;
}

/**
 * The canvas as pixels, and where a data point must be on it according to the axes.
 * @param {ChartReport} chart
 */
function canvasModel(chart) {
  const canvas = chart.canvas;
  assert.ok(canvas, 'the chart draws on a canvas');
  const rgba = Buffer.from(canvas.rgba, 'base64');
  assert.equal(rgba.length, canvas.width * canvas.height * 4, 'the whole canvas was read');
  const x = axisMapping(chart.xTicks, 'x');
  const y = axisMapping(chart.yTicks, 'y');
  const scaleX = canvas.width / canvas.cssWidth;
  const scaleY = canvas.height / canvas.cssHeight;
  /** Canvas pixels per SVG unit: the device pixel ratio by construction (canvas width = 640 × ratio). */
  const perUnit = canvas.width / CHART_WIDTH;
  return {
    canvas,
    rgba,
    perUnit,
    /** @param {{ x: number, y: number }} value */
    toCanvas: (value) => ({ x: (x(value.x) - canvas.left) * scaleX, y: (y(value.y) - canvas.top) * scaleY }),
    /** @param {{ x: number, y: number }} client */
    clientToCanvas: (client) => ({
      x: (client.x - canvas.left) * scaleX,
      y: (client.y - canvas.top) * scaleY,
    }),
    /** @param {number} px @param {number} py */
    pixel: (px, py) => {
      const offset = (py * canvas.width + px) * 4;
      return { r: rgba[offset], g: rgba[offset + 1], b: rgba[offset + 2], a: rgba[offset + 3] };
    },
  };
}

/** The distinct positions of a chart's points. @param {Point[]} points */
const distinct = (points) => [...new Map(points.map((p) => [`${p.x},${p.y}`, p])).values()];

/**
 * Every check on one chart's canvas and overlay.
 * @param {ChartReport} chart
 * @param {string} label
 * @param {{ blobs: boolean }} options count the blobs (the positions must be far apart)
 */
function checkChart(chart, label, { blobs }) {
  const model = canvasModel(chart);
  const { canvas, perUnit } = model;
  assert.ok(chart.points.length > 3000, `${label}: more points than the canvas threshold`);
  assert.equal(canvas.count, chart.points.length, `${label}: data-mark-count is the number of points`);
  assert.equal(chart.svgCircles, 0, `${label}: no SVG circle per point in canvas mode`);

  // 1. Each position is painted in the points' colour (alpha of one dot ≈ 0.45 × 255 = 115, more where they stack).
  const positions = distinct(chart.points);
  const centres = positions.map((position) => model.toCanvas(position));
  const unpainted = [];
  for (const [index, centre] of centres.entries()) {
    const { r, g, b, a } = model.pixel(Math.floor(centre.x), Math.floor(centre.y));
    const colourOk =
      Math.abs(r - DOT.rgb[0]) <= 24 && Math.abs(g - DOT.rgb[1]) <= 24 && Math.abs(b - DOT.rgb[2]) <= 24;
    if (a < DOT.alpha * 255 * 0.8 || !colourOk)
      unpainted.push(
        `(${positions[index].x}, ${positions[index].y}) at pixel ${Math.floor(centre.x)},${Math.floor(centre.y)}: rgba(${r},${g},${b},${a})`,
      );
  }
  assert.deepEqual(unpainted, [], `${label}: every point is drawn where the axes place it`);

  // 2. Nothing painted away from the points: every pixel with any alpha lies within a dot's radius plus 1 unit of
  //    anti-aliasing of some point's position.
  const reach = (DOT.radius + 1) * perUnit;
  const allowed = new Uint8Array(canvas.width * canvas.height);
  for (const centre of centres) {
    for (
      let py = Math.max(0, Math.floor(centre.y - reach));
      py <= Math.min(canvas.height - 1, Math.ceil(centre.y + reach));
      py++
    ) {
      for (
        let px = Math.max(0, Math.floor(centre.x - reach));
        px <= Math.min(canvas.width - 1, Math.ceil(centre.x + reach));
        px++
      ) {
        if (Math.hypot(px + 0.5 - centre.x, py + 0.5 - centre.y) <= reach)
          allowed[py * canvas.width + px] = 1;
      }
    }
  }
  let painted = 0;
  const stray = [];
  for (let i = 0; i < allowed.length; i++) {
    if (model.rgba[i * 4 + 3] === 0) continue;
    painted++;
    if (!allowed[i] && stray.length < 5) stray.push(`${i % canvas.width},${Math.floor(i / canvas.width)}`);
  }
  assert.deepEqual(stray, [], `${label}: nothing is drawn where no point maps (first stray pixels)`);
  const dotArea = Math.PI * (DOT.radius * perUnit) ** 2;
  assert.ok(painted >= dotArea * 0.5, `${label}: the canvas is not blank (${painted} painted pixels)`);

  // 3. Far-apart positions: one blob of connected painted pixels each (8-neighbourhood).
  if (blobs) {
    const seen = new Uint8Array(allowed.length);
    let count = 0;
    for (let start = 0; start < allowed.length; start++) {
      if (seen[start] || model.rgba[start * 4 + 3] === 0) continue;
      count++;
      const stack = [start];
      seen[start] = 1;
      while (stack.length > 0) {
        const i = /** @type {number} */ (stack.pop());
        const px = i % canvas.width;
        const py = Math.floor(i / canvas.width);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            const ny = py + dy;
            if (nx < 0 || ny < 0 || nx >= canvas.width || ny >= canvas.height) continue;
            const j = ny * canvas.width + nx;
            if (!seen[j] && model.rgba[j * 4 + 3] !== 0) {
              seen[j] = 1;
              stack.push(j);
            }
          }
        }
      }
    }
    assert.equal(count, positions.length, `${label}: one drawn blob per distinct position`);
  }

  // 4. The SVG overlay: axes, band and line, the line's ends at the band's fitted values on the same axes.
  assert.equal(chart.axisLines, 2, `${label}: both axis lines are drawn`);
  assert.ok(chart.bandPath && chart.bandPath.d.startsWith('M'), `${label}: the confidence band is drawn`);
  assert.ok(
    chart.bandPath.width > 10 && chart.bandPath.height > 10,
    `${label}: the band has an area on screen`,
  );
  assert.ok(chart.line, `${label}: the regression line is drawn`);
  const firstFit = chart.band[0];
  const lastFit = chart.band[chart.band.length - 1];
  for (const [end, fit] of /** @type {const} */ ([
    [chart.line.start, firstFit],
    [chart.line.end, lastFit],
  ])) {
    const drawn = model.clientToCanvas(end);
    const expected = model.toCanvas({ x: fit.x, y: fit.fit });
    assert.ok(
      Math.hypot(drawn.x - expected.x, drawn.y - expected.y) <= perUnit,
      `${label}: the line passes through (${fit.x}, ${fit.fit}): drawn at ${drawn.x.toFixed(1)},${drawn.y.toFixed(1)}, expected ${expected.x.toFixed(1)},${expected.y.toFixed(1)}`,
    );
  }
  return { positions: positions.length, painted };
}

describe('scatter plot on a canvas, in headless Chromium', { timeout: 300_000 }, () => {
  before(async () => {
    world.outDir = mkdtempSync(join(tmpdir(), 'klik-scatter-canvas-'));
    const started = Date.now();
    await buildPage(world.outDir);
    console.log(`[e2e] built the test page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    world.browser = await launchChromium();
  });

  after(async () => {
    await world.browser?.close();
    if (world.outDir) rmSync(world.outDir, { recursive: true, force: true });
  });

  for (const ratio of [1, 2]) {
    it(`draws every point where the axes place it, and nothing else, at device pixel ratio ${ratio}`, async () => {
      const { sparse, cloud, errors } = await openCharts(ratio);
      assert.deepEqual(errors, [], 'no console error on the test page');
      const sparseResult = checkChart(sparse, `sparse, ratio ${ratio}`, { blobs: true });
      const cloudResult = checkChart(cloud, `cloud, ratio ${ratio}`, { blobs: false });
      console.log(
        `[e2e] ratio ${ratio}: sparse ${sparse.points.length} points, ${sparseResult.positions} positions, ` +
          `${sparseResult.painted} painted pixels; cloud ${cloud.points.length} points, ` +
          `${cloudResult.positions} positions, ${cloudResult.painted} painted pixels`,
      );
    });
  }
});

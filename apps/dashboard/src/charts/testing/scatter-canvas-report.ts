// Runs in the scatter-canvas test page (scatter-canvas-page.tsx): reads back what Chromium drew, for the browser
// test apps/dashboard/e2e/scatter-canvas.e2e.mjs to check. Client coordinates are CSS pixels of the viewport.

export interface ScatterFixture {
  points: { x: number; y: number }[];
  band: { x: number; fit: number; lower: number | null; upper: number | null }[];
}

export interface TickPosition {
  /** The number printed on the tick. */
  value: number;
  /** Where the tick is on screen: client x for the bottom axis, client y for the left one. */
  client: number;
}

export interface ChartReport extends ScatterFixture {
  canvas: {
    /** Canvas pixels (the drawing's size × the device pixel ratio). */
    width: number;
    height: number;
    /** The canvas element's box on screen. */
    left: number;
    top: number;
    cssWidth: number;
    cssHeight: number;
    count: number;
    /** getImageData of the whole canvas: RGBA bytes, not premultiplied, in base64. */
    rgba: string;
  } | null;
  svgCircles: number;
  xTicks: TickPosition[];
  yTicks: TickPosition[];
  axisLines: number;
  bandPath: { d: string; width: number; height: number } | null;
  /** The regression line's two ends on screen. */
  line: { start: { x: number; y: number }; end: { x: number; y: number } } | null;
}

function screenPoint(element: Element, x = 0, y = 0): { x: number; y: number } {
  const matrix = (element as SVGGraphicsElement).getScreenCTM();
  if (!matrix) throw new Error('an SVG element without a screen matrix');
  const point = new DOMPoint(x, y).matrixTransform(matrix);
  return { x: point.x, y: point.y };
}

/** The tick groups of an axis: the printed value and the tick's origin on screen. */
function ticks(axis: Element | null, along: 'x' | 'y'): TickPosition[] {
  if (!axis) return [];
  return [...axis.querySelectorAll(':scope > g')].map((tick) => ({
    value: Number((tick.textContent ?? '').replace(/\u2212/g, '-').replace(/,/g, '')),
    client: screenPoint(tick)[along],
  }));
}

function base64(bytes: Uint8ClampedArray): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function reportChart(section: Element, fixture: ScatterFixture): ChartReport {
  const canvas = section.querySelector('canvas[data-mark="point-canvas"]');
  let canvasReport: ChartReport['canvas'] = null;
  if (canvas instanceof HTMLCanvasElement) {
    const box = canvas.getBoundingClientRect();
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    canvasReport = {
      width: canvas.width,
      height: canvas.height,
      left: box.left,
      top: box.top,
      cssWidth: box.width,
      cssHeight: box.height,
      count: Number(canvas.getAttribute('data-mark-count')),
      rgba: base64(context.getImageData(0, 0, canvas.width, canvas.height).data),
    };
  }
  const band = section.querySelector('[data-mark="confidence-band"]');
  const bandBox = band?.getBoundingClientRect();
  const line = section.querySelector('[data-mark="regression-line"]');
  let lineReport: ChartReport['line'] = null;
  if (line instanceof SVGPathElement && line.getTotalLength() > 0) {
    const start = line.getPointAtLength(0);
    const end = line.getPointAtLength(line.getTotalLength());
    lineReport = { start: screenPoint(line, start.x, start.y), end: screenPoint(line, end.x, end.y) };
  }
  return {
    ...fixture,
    canvas: canvasReport,
    svgCircles: section.querySelectorAll('svg [data-mark="point"]').length,
    xTicks: ticks(section.querySelector('.chart-axis-bottom'), 'x'),
    yTicks: ticks(section.querySelector('.chart-axis-left'), 'y'),
    axisLines: section.querySelectorAll('.chart-axis-line').length,
    bandPath:
      band && bandBox
        ? { d: band.getAttribute('d') ?? '', width: bandBox.width, height: bandBox.height }
        : null,
    line: lineReport,
  };
}

/**
 * Waits two frames (the canvas is drawn in an effect after the first render), then reports every
 * `section[data-fixture]` of the page with the fixture it was given.
 */
export async function reportCharts(
  fixtures: Record<string, ScatterFixture>,
): Promise<Record<string, ChartReport>> {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const reports: Record<string, ChartReport> = {};
  for (const section of document.querySelectorAll('section[data-fixture]')) {
    const name = section.getAttribute('data-fixture') ?? '';
    reports[name] = reportChart(section, fixtures[name]);
  }
  return reports;
}

import { area, line } from 'd3-shape';
import type { ScaleLinear } from 'd3-scale';

export type Point = readonly [number, number];

export interface BandPoint {
  x: number;
  lower: number;
  upper: number;
}

type Scale = ScaleLinear<number, number>;

/** SVG path of a confidence band (upper edge left to right, lower edge back, as d3.area draws it), in pixels. */
export function bandPath(points: readonly BandPoint[], x: Scale, y: Scale): string {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  return (
    area<BandPoint>()
      .x((p) => x(p.x))
      .y0((p) => y(p.lower))
      .y1((p) => y(p.upper))(sorted) ?? ''
  );
}

/** SVG path through data points in x order, skipping missing values (a gap in the line, not a zero). */
export function linePath(points: readonly { x: number; y: number | null }[], x: Scale, y: Scale): string {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  return (
    line<{ x: number; y: number | null }>()
      .defined((p) => p.y !== null && Number.isFinite(p.y))
      .x((p) => x(p.x))
      .y((p) => y(p.y as number))(sorted) ?? ''
  );
}

/**
 * Sutherland–Hodgman clip of a polygon to the rectangle [xMin, xMax] × [yMin, yMax]. Used to keep the
 * no-reliable-change band of the pre/post plot inside the plotted square, and tested as plain geometry.
 */
export function clipPolygonToRect(
  polygon: readonly Point[],
  [xMin, xMax]: readonly [number, number],
  [yMin, yMax]: readonly [number, number],
): Point[] {
  type Edge = { inside(p: Point): boolean; cross(a: Point, b: Point): Point };
  const atX = (a: Point, b: Point, x: number): Point => [
    x,
    a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]),
  ];
  const atY = (a: Point, b: Point, y: number): Point => [
    a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]),
    y,
  ];
  const edges: Edge[] = [
    { inside: (p) => p[0] >= xMin, cross: (a, b) => atX(a, b, xMin) },
    { inside: (p) => p[0] <= xMax, cross: (a, b) => atX(a, b, xMax) },
    { inside: (p) => p[1] >= yMin, cross: (a, b) => atY(a, b, yMin) },
    { inside: (p) => p[1] <= yMax, cross: (a, b) => atY(a, b, yMax) },
  ];
  let output: Point[] = [...polygon];
  for (const edge of edges) {
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i += 1) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cross(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) {
        output.push(edge.cross(previous, current));
      }
    }
    if (output.length === 0) break;
  }
  return output;
}

/**
 * The no-reliable-change band of a pre/post plot: the points where |post − pre| < halfWidth, i.e. between the
 * lines post = pre − halfWidth and post = pre + halfWidth, clipped to the plotted square (data units).
 */
export function diagonalBand(domain: readonly [number, number], halfWidth: number): Point[] {
  const [low, high] = domain;
  const polygon: Point[] = [
    [low, low - halfWidth],
    [high, high - halfWidth],
    [high, high + halfWidth],
    [low, low + halfWidth],
  ];
  return clipPolygonToRect(polygon, domain, domain);
}

/** Polygon points as an SVG `points` attribute after scaling to pixels. */
export function polygonPoints(polygon: readonly Point[], x: Scale, y: Scale): string {
  return polygon.map(([px, py]) => `${round(x(px))},${round(y(py))}`).join(' ');
}

/**
 * Side of a forest-plot square: its area is proportional to the study weight (as metafor draws it), the
 * largest weight gets `maxSide`, and every square stays at least `minSide` so it can be seen and focused.
 */
export function weightedSquareSide(weight: number, maxWeight: number, maxSide: number, minSide = 4): number {
  if (!(maxWeight > 0) || !(weight > 0)) return minSide;
  return Math.max(minSide, maxSide * Math.sqrt(weight / maxWeight));
}

/** SVG path of a summary diamond from `lower` to `upper` with its widest point at `estimate`, centred on `cy`. */
export function diamondPath(
  lower: number,
  estimate: number,
  upper: number,
  cy: number,
  halfHeight: number,
): string {
  return `M${round(lower)},${round(cy)}L${round(estimate)},${round(cy - halfHeight)}L${round(upper)},${round(cy)}L${round(estimate)},${round(cy + halfHeight)}Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

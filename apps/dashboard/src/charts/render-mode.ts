/**
 * Above this many points a scatter plot draws on a canvas: thousands of SVG circles make hover, scrolling and
 * the SVG download slow. The data table and the point count stay available either way.
 */
export const CANVAS_POINT_THRESHOLD = 3000;

export type RenderMode = 'svg' | 'canvas';

export function renderModeFor(pointCount: number, threshold = CANVAS_POINT_THRESHOLD): RenderMode {
  return pointCount > threshold ? 'canvas' : 'svg';
}

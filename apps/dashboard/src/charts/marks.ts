/** A mark's centre in SVG units and the details its tooltip shows. */
export interface ChartMark {
  x: number;
  y: number;
  text: string;
  /** Size of the mark, so the focus ring goes around it. */
  radius?: number;
}

export type MarkStep = 'next' | 'previous' | 'first' | 'last';

/** The mark index after a key press; starts at the first (or last) mark when none is active. */
export function stepMark(current: number | null, step: MarkStep, count: number): number | null {
  if (count === 0) return null;
  switch (step) {
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'next':
      return current === null ? 0 : (current + 1) % count;
    case 'previous':
      return current === null ? count - 1 : (current - 1 + count) % count;
  }
}

/** The mark closest to (x, y) within `maxDistance`, or null. Linear: fine for the ~10k points a chart holds. */
export function nearestMark(
  marks: readonly ChartMark[],
  x: number,
  y: number,
  maxDistance: number,
): number | null {
  let best: number | null = null;
  let bestDistance = maxDistance * maxDistance;
  marks.forEach((mark, index) => {
    const distance = (mark.x - x) ** 2 + (mark.y - y) ** 2;
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

export interface TooltipPlacement {
  horizontal: 'start' | 'middle' | 'end';
  vertical: 'above' | 'below';
}

/**
 * Where the tooltip sits relative to its mark: above it, unless the mark is near the top (the plot box clips
 * what sticks out), and pulled inward near the left and right edges.
 */
export function tooltipPlacement(x: number, y: number, width: number, height: number): TooltipPlacement {
  const across = width > 0 ? x / width : 0.5;
  return {
    horizontal: across < 0.2 ? 'start' : across > 0.8 ? 'end' : 'middle',
    vertical: height > 0 && y / height < 0.3 ? 'below' : 'above',
  };
}

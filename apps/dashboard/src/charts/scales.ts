import { extent } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';

export type Domain = readonly [number, number];

/**
 * The extent of `values` widened by `padding` of its span on each side, so marks do not sit on the frame.
 * A single value (or none) gets a span of one around it.
 */
export function paddedDomain(values: Iterable<number | null | undefined>, padding = 0.05): Domain {
  const finite = [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const [low, high] = extent(finite);
  if (low === undefined || high === undefined) return [0, 1];
  if (low === high) return [low - 0.5, high + 0.5];
  const pad = (high - low) * padding;
  return [low - pad, high + pad];
}

/** A linear scale rounded outward to nice numbers (d3 `nice`), so the axis ends on a tick. */
export function niceLinearScale(domain: Domain, range: Domain, tickCount = 5): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(range).nice(tickCount);
}

/** A linear scale over exactly `domain` (a score's full range: the axis must end where the score does). */
export function exactLinearScale(domain: Domain, range: Domain): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(range);
}

export interface Tick {
  value: number;
  /** Position in pixels along the axis. */
  position: number;
  label: string;
}

/** Ticks of a linear scale with their pixel positions and d3's labels for that tick spacing. */
export function linearTicks(scale: ScaleLinear<number, number>, count = 5): Tick[] {
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ value, position: scale(value), label: format(value) }));
}

/** Inner plot size after the margins; never negative. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function innerSize(
  width: number,
  height: number,
  margins: Margins,
): { width: number; height: number } {
  return {
    width: Math.max(0, width - margins.left - margins.right),
    height: Math.max(0, height - margins.top - margins.bottom),
  };
}

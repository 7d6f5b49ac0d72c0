import { extent, tickStep } from 'd3-array';
import { formatLocale, precisionFixed, type FormatLocaleObject } from 'd3-format';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { UiLanguage } from '../shared/language';

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

// Tick labels in the interface language: Dutch writes a decimal comma. Both use the typographic minus.
const LOCALES: Record<UiLanguage, FormatLocaleObject> = {
  en: formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '\u2212' }),
  nl: formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''], minus: '\u2212' }),
};

/**
 * Ticks of a linear scale with their pixel positions and labels with as many decimals as the tick step needs
 * (d3 `precisionFixed`), in the interface language.
 */
export function linearTicks(
  scale: ScaleLinear<number, number>,
  count = 5,
  language: UiLanguage = 'en',
): Tick[] {
  const [start, stop] = scale.domain();
  const step = Math.abs(tickStep(start, stop, count));
  const format = LOCALES[language].format(`,.${step > 0 ? precisionFixed(step) : 0}f`);
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

import type { ResponseScale } from './instrument.types';

/**
 * Whether a value lies on the scale's grid (min, min + step, …), tolerant to binary rounding of decimal steps
 * such as 0.1. Does not check the range.
 */
export function isOnScaleGrid(value: number, scale: Pick<ResponseScale, 'min' | 'step'>): boolean {
  const position = (value - scale.min) / scale.step;
  return Math.abs(position - Math.round(position)) < 1e-9;
}

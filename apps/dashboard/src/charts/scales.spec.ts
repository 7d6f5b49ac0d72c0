import { describe, expect, it } from 'vitest';
import { innerSize, linearTicks, niceLinearScale, paddedDomain } from './scales';

describe('paddedDomain', () => {
  it('widens the extent by the padding on both sides and ignores missing values', () => {
    expect(paddedDomain([2, null, 12, undefined, Number.NaN, 7], 0.1)).toEqual([1, 13]);
  });

  it('gives a span of one around a single value and [0, 1] for none', () => {
    expect(paddedDomain([4])).toEqual([3.5, 4.5]);
    expect(paddedDomain([])).toEqual([0, 1]);
  });
});

describe('niceLinearScale and linearTicks', () => {
  it('rounds the domain outward and places the ticks in pixels', () => {
    const scale = niceLinearScale([0.13, 9.7], [0, 500]);
    expect(scale.domain()).toEqual([0, 10]);
    const ticks = linearTicks(scale, 5);
    expect(ticks.map((tick) => tick.value)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks.map((tick) => tick.position)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '2', '4', '6', '8', '10']);
  });

  it('labels decimal ticks with the precision of the step and flips a y range', () => {
    const scale = niceLinearScale([-0.42, 0.37], [300, 0]);
    const ticks = linearTicks(scale, 5);
    expect(ticks[0]).toEqual({ value: -0.6, position: 300, label: '−0.6' });
    expect(ticks.at(-1)?.position).toBe(0);
  });
});

describe('tick labels per language', () => {
  it('writes a decimal comma in Dutch and a typographic minus in both languages', () => {
    const scale = niceLinearScale([-0.5, 1], [0, 300]);
    expect(scale.domain()).toEqual([-1, 1]);
    expect(linearTicks(scale, 5, 'nl').map((tick) => tick.label)).toEqual([
      '−1,0',
      '−0,5',
      '0,0',
      '0,5',
      '1,0',
    ]);
    expect(linearTicks(scale, 5, 'en').map((tick) => tick.label)).toEqual([
      '−1.0',
      '−0.5',
      '0.0',
      '0.5',
      '1.0',
    ]);
    expect(linearTicks(niceLinearScale([0, 10000], [0, 1]), 2, 'nl').map((tick) => tick.label)).toEqual([
      '0',
      '5.000',
      '10.000',
    ]);
    expect(linearTicks(niceLinearScale([0, 10000], [0, 1]), 2, 'en').map((tick) => tick.label)).toEqual([
      '0',
      '5,000',
      '10,000',
    ]);
  });
});

describe('innerSize', () => {
  it('subtracts the margins and never goes negative', () => {
    expect(innerSize(640, 420, { top: 10, right: 20, bottom: 40, left: 60 })).toEqual({
      width: 560,
      height: 370,
    });
    expect(innerSize(50, 20, { top: 10, right: 20, bottom: 40, left: 60 })).toEqual({ width: 0, height: 0 });
  });
});

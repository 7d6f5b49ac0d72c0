import { describe, expect, it } from 'vitest';
import { parseDays } from './schedule-form';

describe('parseDays', () => {
  it('reads whole numbers separated by commas, semicolons or spaces', () => {
    expect(parseDays('3, 7;14  21')).toEqual([3, 7, 14, 21]);
    expect(parseDays('  ')).toEqual([]);
  });

  it('keeps a bad entry in place as NaN, so the API names its position', () => {
    const days = parseDays('3, x, 2.5');
    expect(days[0]).toBe(3);
    expect(Number.isNaN(days[1])).toBe(true);
    expect(Number.isNaN(days[2])).toBe(true);
  });
});

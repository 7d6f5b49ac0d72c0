import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { dateShiftDays, daysSince, exportCode, MAX_DATE_SHIFT_DAYS, shiftedDate } from './pseudonym';

describe('export pseudonyms', () => {
  const secret = Buffer.alloc(32, 7);

  it('is P- and 16 upper-case hex digits, stable for a secret and different under another secret', () => {
    const id = randomUUID();
    expect(exportCode(secret, id)).toMatch(/^P-[0-9A-F]{16}$/);
    expect(exportCode(secret, id)).toBe(exportCode(Buffer.from(secret), id));
    expect(exportCode(randomBytes(32), id)).not.toBe(exportCode(secret, id));
  });

  it('is no plain hash of the id: neither SHA-256 of it nor anything without the key', () => {
    const id = randomUUID();
    const plain = createHash('sha256').update(id).digest('hex').slice(0, 16).toUpperCase();
    expect(exportCode(secret, id)).not.toBe(`P-${plain}`);
    expect(exportCode(secret, id)).not.toContain(id.slice(0, 8).toUpperCase());
  });

  it('gives distinct codes to 20,000 participants (64 bits: a collision is about 1e-11 likely)', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => exportCode(secret, randomUUID())));
    expect(codes.size).toBe(20_000);
  });
});

describe('date shift', () => {
  const secret = randomBytes(32);

  it('stays within ±180 days, is stable per participant and spreads over the range', () => {
    const shifts = Array.from({ length: 5_000 }, () => {
      const id = randomUUID();
      const days = dateShiftDays(secret, id);
      expect(dateShiftDays(secret, id)).toBe(days);
      return days;
    });
    expect(Math.min(...shifts)).toBeGreaterThanOrEqual(-MAX_DATE_SHIFT_DAYS);
    expect(Math.max(...shifts)).toBeLessThanOrEqual(MAX_DATE_SHIFT_DAYS);
    // 5,000 draws from 361 values: every tenth of the range is hit, both signs occur.
    for (let lo = -180; lo < 180; lo += 36) expect(shifts.some((d) => d >= lo && d < lo + 36)).toBe(true);
    expect(new Set(shifts).size).toBeGreaterThan(300);
  });

  it('moves a date by whole days and drops the time of day', () => {
    expect(shiftedDate(new Date('2026-03-01T23:30:00Z'), -1)).toBe('2026-02-28');
    expect(shiftedDate(new Date('2024-02-28T08:00:00Z'), 1)).toBe('2024-02-29');
    expect(shiftedDate(new Date('2026-01-10T12:00:00Z'), 180)).toBe('2026-07-09');
  });

  it('counts calendar days since the baseline', () => {
    const baseline = new Date('2026-01-10T23:00:00Z');
    expect(daysSince(new Date('2026-01-11T01:00:00Z'), baseline)).toBe(1);
    expect(daysSince(baseline, baseline)).toBe(0);
    expect(daysSince(new Date('2026-01-01T12:00:00Z'), baseline)).toBe(-9);
  });
});

import { createHmac } from 'node:crypto';

/** Largest date shift in days, either way. */
export const MAX_DATE_SHIFT_DAYS = 180;
const DAY_MS = 86_400_000;

/**
 * The participant's code in an export: `P-` + the first 16 hex digits (64 bits) of HMAC-SHA256(study secret,
 * participant id). Keyed, so nobody without the secret can recompute it from the participant id or code (a plain
 * hash could be); stable for the study, so two exports of the same study can be joined; different in another study.
 */
export function exportCode(secret: Buffer, participantId: string): string {
  return `P-${createHmac('sha256', secret).update(`code:${participantId}`, 'utf8').digest('hex').slice(0, 16).toUpperCase()}`;
}

/**
 * The participant's date shift in whole days, in [-180, +180]: from a second HMAC of the participant id under the
 * same secret (domain-separated from the code), so every export of the study shifts that participant alike. The
 * modulo bias of a 32-bit value over 361 days is below 1e-7.
 */
export function dateShiftDays(secret: Buffer, participantId: string): number {
  const digest = createHmac('sha256', secret).update(`date-shift:${participantId}`, 'utf8').digest();
  return (digest.readUInt32BE(0) % (2 * MAX_DATE_SHIFT_DAYS + 1)) - MAX_DATE_SHIFT_DAYS;
}

/** The calendar date (UTC) of `date` moved by `days`, as `YYYY-MM-DD`; the time of day is left out. */
export function shiftedDate(date: Date, days: number): string {
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days (UTC) from `baseline` to `date`; negative before the baseline. */
export function daysSince(date: Date, baseline: Date): number {
  const day = (d: Date) => Math.floor(d.getTime() / DAY_MS);
  return day(date) - day(baseline);
}

import type { InstrumentLicence, ItemSpec } from '../../model/instrument.types';

/** Item ids `<prefix>_1 … <prefix>_<count>`. */
export function numberedItems(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}_${index + 1}`);
}

/** The ids of the given 1-based item numbers. */
export function pick(prefix: string, numbers: readonly number[]): string[] {
  return numbers.map((number) => `${prefix}_${number}`);
}

/** Required scale items on one scale. */
export function scaleItems(ids: readonly string[], scale: string): ItemSpec[] {
  return ids.map((id) => ({ id, kind: 'scale', scale, required: true }));
}

/** Licence record for an instrument whose wording may not ship in the repository. */
export function proprietaryLicence(spdx: string, notice: string, url?: string): InstrumentLicence {
  return {
    spdx,
    notice: `${notice} Klik ships the scoring structure only; the wording is imported by a licence holder as a text pack.`,
    ...(url !== undefined ? { url } : {}),
  };
}

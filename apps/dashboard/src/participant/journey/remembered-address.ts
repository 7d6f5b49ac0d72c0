import { isFormOfAddress, type FormOfAddress } from '../participant-messages';

const STORAGE_KEY = 'klik.take.formOfAddress';

/** The form of address of the last study opened on this device: the "link not available" page has no study. */
export function rememberedFormOfAddress(): FormOfAddress {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isFormOfAddress(stored) ? stored : 'je';
  } catch {
    return 'je';
  }
}

export function rememberFormOfAddress(address: FormOfAddress): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, address);
  } catch {
    // Not remembered: the next unavailable page speaks with "je".
  }
}

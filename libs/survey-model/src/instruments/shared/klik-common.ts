import type { InstrumentLicence, ResponseScale } from '../../model/instrument.types';

/** Licence of every Klik instrument (wording, structure and scoring). */
export const KLIK_LICENCE: InstrumentLicence = {
  spdx: 'CC-BY-4.0',
  notice:
    'Written for the Klik project and licensed under Creative Commons Attribution 4.0 International (CC BY 4.0): ' +
    'you may share and adapt it for any purpose, if you give appropriate credit to the Klik project and indicate changes.',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** Five-point agreement scale used by the Klik scales (1 = strongly disagree … 5 = strongly agree). */
export const AGREEMENT_SCALE: ResponseScale = { id: 'agreement', min: 1, max: 5, step: 1, display: 'radio' };

/** Anchor labels of {@link AGREEMENT_SCALE}. */
export const AGREEMENT_LABELS = {
  nl: {
    '1': 'Helemaal mee oneens',
    '2': 'Mee oneens',
    '3': 'Niet mee eens, niet mee oneens',
    '4': 'Mee eens',
    '5': 'Helemaal mee eens',
  },
  en: {
    '1': 'Strongly disagree',
    '2': 'Disagree',
    '3': 'Neither agree nor disagree',
    '4': 'Agree',
    '5': 'Strongly agree',
  },
} as const;

/**
 * Content types of practitioner self-disclosure (DOMAIN.md §1), shared by the client scale (`klik-disclosure`)
 * and the practitioner log (`klik-session-log`) so that client and practitioner can be compared per type.
 */
export const DISCLOSURE_CONTENT_CODES = [
  'struggles',
  'low_point',
  'resistance',
  'victories',
  'insights',
  'patterns',
  'techniques',
  'other',
] as const;

/** A disclosure content type code. */
export type DisclosureContentCode = (typeof DISCLOSURE_CONTENT_CODES)[number];

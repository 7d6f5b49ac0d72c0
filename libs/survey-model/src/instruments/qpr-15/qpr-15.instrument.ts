import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('qpr15', 15);

/** Questionnaire about the Process of Recovery, 15 items, scoring only, version 1.0.0. Codebook: `codebooks/qpr-15.md`. */
export const qpr15V1: Instrument = defineInstrument({
  id: 'qpr-15',
  version: '1.0.0',
  name: 'Questionnaire about the Process of Recovery (QPR-15)',
  construct: 'Personal recovery',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence('LicenseRef-QPR', 'The QPR wording is not distributed with Klik.'),
  citation: {
    primary:
      'Law H, Neil ST, Dunn G, Morrison AP. Psychometric properties of the questionnaire about the process of recovery (QPR). Schizophr Res. 2014;156(2-3):184-189.',
  },
  textAvailability: 'licensed-text-pack',
  scales: [{ id: 'agreement', min: 0, max: 4, step: 1, display: 'radio' }],
  items: scaleItems(ITEMS, 'agreement'),
  pages: [{ id: 'qpr15', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Sum 0-60; no proration.
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [],
  },
});

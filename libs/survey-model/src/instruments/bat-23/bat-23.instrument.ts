import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, pick, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('bat23', 23);

/** Burnout Assessment Tool, 23 items (Schaufeli et al. 2020), scoring only, version 1.0.0. Codebook: `codebooks/bat-23.md`. */
export const bat23V1: Instrument = defineInstrument({
  id: 'bat-23',
  version: '1.0.0',
  name: 'Burnout Assessment Tool (BAT-23)',
  construct: 'Burnout: exhaustion, mental distance, cognitive impairment, emotional impairment',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence(
    'LicenseRef-BAT',
    'The BAT wording is not distributed with Klik; see the BAT manual for terms of use.',
  ),
  citation: {
    primary:
      'Schaufeli WB, Desart S, De Witte H. Burnout Assessment Tool (BAT): development, validity, and reliability. Int J Environ Res Public Health. 2020;17(24):9495.',
  },
  textAvailability: 'licensed-text-pack',
  // 1 = never … 5 = always.
  scales: [{ id: 'frequency', min: 1, max: 5, step: 1, display: 'radio' }],
  items: scaleItems(ITEMS, 'frequency'),
  pages: [{ id: 'bat23', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Means (1-5): total over the 23 items, subscales over their items; no proration.
    total: { method: 'mean', items: ITEMS, maxProratedMissing: 0 },
    subscales: [
      {
        id: 'exhaustion',
        label: 'Exhaustion',
        method: 'mean',
        items: pick('bat23', [1, 2, 3, 4, 5, 6, 7, 8]),
        maxProratedMissing: 0,
      },
      {
        id: 'mental_distance',
        label: 'Mental distance',
        method: 'mean',
        items: pick('bat23', [9, 10, 11, 12, 13]),
        maxProratedMissing: 0,
      },
      {
        id: 'cognitive_impairment',
        label: 'Cognitive impairment',
        method: 'mean',
        items: pick('bat23', [14, 15, 16, 17, 18]),
        maxProratedMissing: 0,
      },
      {
        id: 'emotional_impairment',
        label: 'Emotional impairment',
        method: 'mean',
        items: pick('bat23', [19, 20, 21, 22, 23]),
        maxProratedMissing: 0,
      },
    ],
  },
});

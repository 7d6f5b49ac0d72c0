import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

/** Where the BAT-23 rules of version 1.1.0 come from (codebook `scoring-only.md`, BAT-23). */
export const BAT23_MISSING_SOURCE =
  'Schaufeli, Desart & De Witte 2020 and the BAT manual v2.0 give no rule for blank items (as far as checked), so ' +
  'Klik makes no score for a subscale or the total with a blank item.';

/**
 * BAT-23, version 1.1.0: as 1.0.0, but a blank item makes its subscale and the total missing with reason
 * `no_missing_item_rule`; the citations add the manual and the cut-off paper (whose values are not shipped: see the
 * codebook). Codebook: `codebooks/scoring-only.md`.
 */
export const bat23V1_1: Instrument = defineInstrument({
  ...instrumentInput(bat23V1),
  version: '1.1.0',
  citation: {
    primary: bat23V1.citation.primary,
    others: [
      'Schaufeli WB, De Witte H, Desart S. Manual Burnout Assessment Tool (BAT), version 2.0. KU Leuven; 2020.',
      'Schaufeli WB, De Witte H, Hakanen JJ, Kaltiainen J, Kok R. How to assess severe burnout? Cutoff points for the Burnout Assessment Tool (BAT) based on three European samples. Scand J Work Environ Health. 2023;49(4):293-302.',
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'mean', items: ITEMS },
    missingItems: { kind: 'none', source: BAT23_MISSING_SOURCE },
    subscales: bat23V1.scoring.subscales.map(({ maxProratedMissing: _legacy, ...subscale }) => subscale),
  },
});

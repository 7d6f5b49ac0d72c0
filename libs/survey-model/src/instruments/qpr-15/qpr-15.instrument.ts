import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

/** Where the QPR-15 rules of version 1.1.0 come from (codebook `scoring-only.md`, QPR-15). */
export const QPR15_MISSING_SOURCE =
  'Law et al. 2014 give no rule for blank items (as far as checked), so Klik makes no score with a blank item.';

/**
 * QPR-15, version 1.1.0: as 1.0.0, but a blank item makes the total missing with reason `no_missing_item_rule`.
 * Codebook: `codebooks/scoring-only.md`.
 */
export const qpr15V1_1: Instrument = defineInstrument({
  ...instrumentInput(qpr15V1),
  version: '1.1.0',
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'none', source: QPR15_MISSING_SOURCE },
    subscales: [],
  },
});

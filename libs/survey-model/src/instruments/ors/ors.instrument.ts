import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('ors', 4);

/** Outcome Rating Scale (Miller et al. 2003), scoring only, version 1.0.0. Codebook: `codebooks/ors.md`. */
export const orsV1: Instrument = defineInstrument({
  id: 'ors',
  version: '1.0.0',
  name: 'Outcome Rating Scale',
  construct: 'Functioning: individually, interpersonally, socially, overall',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence(
    'LicenseRef-ORS',
    'The ORS is copyrighted (Miller & Duncan); use requires a licence.',
  ),
  citation: {
    primary:
      'Miller SD, Duncan BL, Brown J, Sparks JA, Claud DA. The Outcome Rating Scale: a preliminary study of the reliability, ' +
      'validity, and feasibility of a brief visual analog measure. J Brief Ther. 2003;2(2):91-100.',
  },
  textAvailability: 'licensed-text-pack',
  // Visual analogue lines of 10 cm, read to 0.1 cm.
  scales: [{ id: 'line', min: 0, max: 10, step: 0.1, display: 'slider' }],
  items: scaleItems(ITEMS, 'line'),
  pages: [{ id: 'ors', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [],
    cutoff: { value: 25, direction: 'below', meaning: 'clinical range' },
    reliableChange: { value: 5, improvement: 'increase', source: 'Miller et al. 2003' },
    precision: 1,
  },
});

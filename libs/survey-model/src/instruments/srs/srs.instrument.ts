import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('srs', 4);

/** Session Rating Scale (Duncan et al. 2003), scoring only, version 1.0.0. Codebook: `codebooks/srs.md`. */
export const srsV1: Instrument = defineInstrument({
  id: 'srs',
  version: '1.0.0',
  name: 'Session Rating Scale',
  construct: 'Session alliance: relationship, goals and topics, approach or method, overall',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence(
    'LicenseRef-SRS',
    'The SRS is copyrighted (Miller & Duncan); use requires a licence.',
  ),
  citation: {
    primary:
      'Duncan BL, Miller SD, Sparks JA, Claud DA, Reynolds LR, Brown J, Johnson LD. The Session Rating Scale: preliminary ' +
      'psychometric properties of a "working" alliance measure. J Brief Ther. 2003;3(1):3-12.',
  },
  textAvailability: 'licensed-text-pack',
  scales: [{ id: 'line', min: 0, max: 10, step: 0.1, display: 'slider' }],
  items: scaleItems(ITEMS, 'line'),
  pages: [{ id: 'srs', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [],
    cutoff: { value: 36, direction: 'at_or_below', meaning: 'alliance concern' },
    precision: 1,
  },
});

import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

/** Where the ORS rules of version 1.1.0 come from (codebook `scoring-only.md`, ORS). */
export const ORS_SOURCES = {
  missing:
    'Miller et al. 2003 and the ORS/SRS administration and scoring manual (Miller & Duncan) give no rule for a ' +
    'blank line (as far as checked), so Klik makes no score.',
  norms:
    'Miller SD, Duncan BL, Brown J, Sparks JA, Claud DA. J Brief Ther 2003;2(2):91-100: clinical cut-off 25 (adults; ' +
    'below 25 is the clinical range) and reliable change index 5.',
} as const;

/**
 * ORS, version 1.1.0: as 1.0.0, but a blank line makes the total missing with reason `no_missing_item_rule`.
 * Codebook: `codebooks/scoring-only.md`.
 */
export const orsV1_1: Instrument = defineInstrument({
  ...instrumentInput(orsV1),
  version: '1.1.0',
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'none', source: ORS_SOURCES.missing },
    subscales: [],
    cutoff: { value: 25, direction: 'below', meaning: 'clinical range' },
    reliableChange: { value: 5, improvement: 'increase', source: ORS_SOURCES.norms },
    precision: 1,
  },
});

import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

/** Where the SRS rules of version 1.1.0 come from (codebook `scoring-only.md`, SRS). */
export const SRS_SOURCES = {
  missing:
    'Duncan et al. 2003 and the ORS/SRS administration and scoring manual (Miller & Duncan) give no rule for a ' +
    'blank line (as far as checked), so Klik makes no score.',
  concern:
    'Duncan BL, Miller SD, et al. J Brief Ther 2003;3(1):3-12 and the ORS/SRS manual (Miller & Duncan): a total of ' +
    '36 or less signals a possible alliance problem.',
  lowItem:
    'ORS/SRS manual (Miller & Duncan): any one line below 9 (of 10) is worth discussing with the client even when ' +
    'the total is above 36 (manual text not re-read here; see codebook).',
} as const;

/**
 * SRS, version 1.1.0: a blank line makes the total missing with reason `no_missing_item_rule`; each line below 9 is
 * flagged (`derived['low_item.<item>']`, `derived['low_item.count']`). Codebook: `codebooks/scoring-only.md`.
 */
export const srsV1_1: Instrument = defineInstrument({
  ...instrumentInput(srsV1),
  version: '1.1.0',
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'none', source: SRS_SOURCES.missing },
    subscales: [],
    cutoff: { value: 36, direction: 'at_or_below', meaning: 'alliance concern' },
    flags: [{ kind: 'item-flags', id: 'low_item', items: ITEMS, below: 9, source: SRS_SOURCES.lowItem }],
    precision: 1,
  },
});

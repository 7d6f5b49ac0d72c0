import { defineInstrument, instrumentInput } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, pick, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('waisr', 12);

/** WAI-SR (Hatcher & Gillaspy 2006), client form, scoring only, version 1.0.0. Codebook: `codebooks/wai-sr.md`. */
export const waiSrV1: Instrument = defineInstrument({
  id: 'wai-sr',
  version: '1.0.0',
  name: 'Working Alliance Inventory – Short Revised (client)',
  construct: 'Working alliance: task, bond, goal',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence(
    'LicenseRef-WAI-SR',
    'The WAI-SR wording is copyrighted and not distributed with Klik.',
  ),
  citation: {
    primary:
      'Hatcher RL, Gillaspy JA. Development and validation of a revised short version of the Working Alliance Inventory. Psychother Res. 2006;16(1):12-25.',
  },
  textAvailability: 'licensed-text-pack',
  scales: [{ id: 'frequency', min: 1, max: 5, step: 1, display: 'radio' }],
  items: scaleItems(ITEMS, 'frequency'),
  pages: [{ id: 'wai', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Sums; no reverse-keyed items; no cut-off or reliable change value.
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [
      {
        id: 'task',
        label: 'Task',
        method: 'sum',
        items: pick('waisr', [1, 2, 10, 12]),
        maxProratedMissing: 0,
      },
      { id: 'bond', label: 'Bond', method: 'sum', items: pick('waisr', [3, 5, 7, 9]), maxProratedMissing: 0 },
      {
        id: 'goal',
        label: 'Goal',
        method: 'sum',
        items: pick('waisr', [4, 6, 8, 11]),
        maxProratedMissing: 0,
      },
    ],
  },
});

/** Where the WAI-SR rules of version 1.1.0 come from (codebook `scoring-only.md`). */
export const WAI_SR_MISSING_SOURCE =
  'Hatcher & Gillaspy 2006 give no rule for blank items (as far as checked), so Klik makes no score for a ' +
  'subscale or total with a blank item.';

/**
 * WAI-SR, version 1.1.0: as 1.0.0, but a blank item makes its subscale and the total missing with reason
 * `no_missing_item_rule` (the source gives no rule). Codebook: `codebooks/scoring-only.md`.
 */
export const waiSrV1_1: Instrument = defineInstrument({
  ...instrumentInput(waiSrV1),
  version: '1.1.0',
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'none', source: WAI_SR_MISSING_SOURCE },
    subscales: waiSrV1.scoring.subscales.map(({ maxProratedMissing: _legacy, ...subscale }) => subscale),
  },
});

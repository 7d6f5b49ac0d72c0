import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, pick, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('core10', 10);

/** CORE-10 (Barkham et al. 2013), scoring only, version 1.0.0. Codebook: `codebooks/core-10.md`. */
export const core10V1: Instrument = defineInstrument({
  id: 'core-10',
  version: '1.0.0',
  name: 'CORE-10',
  construct: 'Psychological distress',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence(
    'LicenseRef-CORE-CC-BY-NC-ND',
    'CORE-10 is a CORE System Trust asset distributed under a Creative Commons BY-NC-ND licence; no derivatives may be redistributed.',
    'https://www.coresystemtrust.org.uk/',
  ),
  citation: {
    primary:
      'Barkham M, Bewick B, Mullin T, Gilbody S, Connell J, Cahill J, Mellor-Clark J, Richards D, Unsworth G, Evans C. ' +
      'The CORE-10: a short measure of psychological distress for routine use in the psychological therapies. Couns Psychother Res. 2013;13(1):3-13.',
  },
  textAvailability: 'licensed-text-pack',
  scales: [{ id: 'frequency', min: 0, max: 4, step: 1, display: 'radio' }],
  items: scaleItems(ITEMS, 'frequency'),
  pages: [{ id: 'core10', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Clinical score = mean × 10 (0-40); one missing item may be prorated (mean of the nine answered × 10).
    total: { method: 'mean_x10', items: ITEMS, maxProratedMissing: 1 },
    reverse: { items: pick('core10', [2, 3]), min: 0, max: 4 },
    subscales: [],
    cutoff: { value: 11, direction: 'at_or_above', meaning: 'clinical range' },
    reliableChange: { value: 6, improvement: 'decrease', source: 'Barkham et al. 2013' },
  },
});

import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

/** Where the CORE-10 rules of version 1.1.0 come from (codebook `scoring-only.md`, CORE-10). */
export const CORE10_SOURCES = {
  missing:
    'CORE System Trust, "CORE-10 information" and "What\'s in a name (1): scoring CORE measures" ' +
    '(coresystemtrust.org.uk): the CORE-10 can be prorated if only one item is omitted (mean of the nine answered ' +
    'items × 10); no rounding is given, so none is applied.',
  barkham:
    'Barkham M, et al. The CORE-10. Couns Psychother Res 2013;13(1):3-13: clinical cut-off 11.0 for general ' +
    'psychological distress; reliable change index 6 (computed with a 90% confidence interval).',
  depression:
    'Barkham et al. 2013: 13 or more for depression (sensitivity .92, specificity .72 against a SCID diagnosis).',
  coreOm:
    'Connell J, Barkham M, Stiles WB, et al. Distribution of CORE-OM scores in a general population, clinical ' +
    'cut-off points and comparison with the CIS-R. Br J Psychiatry 2007;190:69-74: 10 (9.9) on the 0-40 clinical ' +
    'score of the CORE-OM, which services also read on the CORE-10.',
  bands:
    'Barkham et al. 2013 and the CORE-10 user manual (Connell & Barkham 2007): 0-5 healthy, 6-10 low level, 11-14 ' +
    'mild, 15-19 moderate, 20-24 moderate to severe, 25-40 severe.',
} as const;

const CORE10_RELIABLE_CHANGE = { value: 6, improvement: 'decrease', source: CORE10_SOURCES.barkham } as const;

/**
 * CORE-10, version 1.1.0: one blank item prorated (unrounded), the six severity bands, and the cut-offs as named
 * norms: `barkham-2013` (11, default), `core-om` (10) and `depression` (13). Codebook: `codebooks/scoring-only.md`.
 */
export const core10V1_1: Instrument = defineInstrument({
  ...instrumentInput(core10V1),
  version: '1.1.0',
  citation: {
    primary: core10V1.citation.primary,
    others: [
      'Connell J, Barkham M. CORE-10 User Manual, version 1.1. CORE System Trust & CORE Information Management Systems Ltd; 2007.',
      'Connell J, Barkham M, Stiles WB, Twigg E, Singleton N, Evans O, Miles JNV. Distribution of CORE-OM scores in a general population, clinical cut-off points and comparison with the CIS-R. Br J Psychiatry. 2007;190:69-74.',
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'mean_x10', items: ITEMS },
    missingItems: { kind: 'prorate', maxMissing: 1, source: CORE10_SOURCES.missing },
    reverse: core10V1.scoring.reverse,
    subscales: [],
    band: {
      kind: 'ranges',
      bands: [
        { id: 'healthy', label: 'Healthy', min: 0, max: 5 },
        { id: 'low', label: 'Low level', min: 6, max: 10 },
        { id: 'mild', label: 'Mild', min: 11, max: 14 },
        { id: 'moderate', label: 'Moderate', min: 15, max: 19 },
        { id: 'moderate_severe', label: 'Moderate to severe', min: 20, max: 24 },
        { id: 'severe', label: 'Severe', min: 25, max: 40 },
      ],
    },
    norms: [
      {
        id: 'barkham-2013',
        label: 'CORE-10 cut-off 11 (Barkham et al. 2013)',
        cutoff: { value: 11, direction: 'at_or_above', meaning: 'clinical range' },
        reliableChange: CORE10_RELIABLE_CHANGE,
        source: CORE10_SOURCES.barkham,
      },
      {
        id: 'core-om',
        label: 'CORE-OM cut-off 10 (Connell et al. 2007)',
        cutoff: { value: 10, direction: 'at_or_above', meaning: 'clinical range (CORE-OM threshold)' },
        reliableChange: CORE10_RELIABLE_CHANGE,
        source: CORE10_SOURCES.coreOm,
      },
      {
        id: 'depression',
        label: 'Depression cut-off 13 (Barkham et al. 2013)',
        cutoff: { value: 13, direction: 'at_or_above', meaning: 'probable depression' },
        reliableChange: CORE10_RELIABLE_CHANGE,
        source: CORE10_SOURCES.depression,
      },
    ],
    // The CORE-10's own published cut-off, derived on CORE-10 data (the 10 is the CORE-OM's).
    defaultNorm: 'barkham-2013',
  },
});

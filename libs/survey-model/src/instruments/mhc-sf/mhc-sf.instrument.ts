import { defineInstrument, instrumentInput } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, pick, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('mhcsf', 14);
const EMOTIONAL = pick('mhcsf', [1, 2, 3]);
const SOCIAL = pick('mhcsf', [4, 5, 6, 7, 8]);
const PSYCHOLOGICAL = pick('mhcsf', [9, 10, 11, 12, 13, 14]);

/** Mental Health Continuum – Short Form (Keyes), scoring only, version 1.0.0. Codebook: `codebooks/mhc-sf.md`. */
export const mhcSfV1: Instrument = defineInstrument({
  id: 'mhc-sf',
  version: '1.0.0',
  name: 'Mental Health Continuum – Short Form',
  construct: 'Positive mental health: emotional, social and psychological well-being',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence('LicenseRef-MHC-SF', 'The MHC-SF wording is not distributed with Klik.'),
  citation: {
    primary:
      'Keyes CLM. The mental health continuum: from languishing to flourishing in life. J Health Soc Behav. 2002;43(2):207-222.',
    others: [
      'Lamers SMA, Westerhof GJ, Bohlmeijer ET, ten Klooster PM, Keyes CLM. Evaluating the psychometric properties of the ' +
        'Mental Health Continuum-Short Form (MHC-SF). J Clin Psychol. 2011;67(1):99-110.',
    ],
  },
  textAvailability: 'licensed-text-pack',
  // 0 = never … 5 = every day.
  scales: [{ id: 'frequency', min: 0, max: 5, step: 1, display: 'radio' }],
  items: scaleItems(ITEMS, 'frequency'),
  pages: [{ id: 'mhcsf', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    total: { method: 'mean', items: ITEMS, maxProratedMissing: 0 },
    subscales: [
      {
        id: 'emotional',
        label: 'Emotional well-being',
        method: 'mean',
        items: EMOTIONAL,
        maxProratedMissing: 0,
      },
      { id: 'social', label: 'Social well-being', method: 'mean', items: SOCIAL, maxProratedMissing: 0 },
      {
        id: 'psychological',
        label: 'Psychological well-being',
        method: 'mean',
        items: PSYCHOLOGICAL,
        maxProratedMissing: 0,
      },
    ],
    // Keyes: flourishing = ≥1 of 3 emotional items "almost every day"/"every day" (4-5) and ≥6 of 11 social +
    // psychological items at 4-5; languishing = the same at "never"/"once or twice" (0-1); otherwise moderate.
    band: {
      kind: 'mhc-sf-category',
      emotionalItems: EMOTIONAL,
      socialPsychologicalItems: [...SOCIAL, ...PSYCHOLOGICAL],
      highMin: 4,
      lowMax: 1,
      countRequired: 6,
    },
  },
});

/** Where the MHC-SF rules of version 1.1.0 come from (codebook `scoring-only.md`, MHC-SF). */
export const MHC_SF_MISSING_SOURCE =
  'Keyes et al. 2008 and Lamers et al. 2011 give no rule for blank items (as far as checked), so Klik makes no ' +
  'score, and no category, with a blank item.';

/**
 * MHC-SF, version 1.1.0: as 1.0.0, but a blank item makes its subscale, the total and the category missing with
 * reason `no_missing_item_rule`, and the citation names the short form's own paper. Codebook:
 * `codebooks/scoring-only.md`.
 */
export const mhcSfV1_1: Instrument = defineInstrument({
  ...instrumentInput(mhcSfV1),
  version: '1.1.0',
  citation: {
    primary:
      'Keyes CLM, Wissing M, Potgieter JP, Temane M, Kruger A, van Rooy S. Evaluation of the mental health continuum-short form (MHC-SF) in setswana-speaking South Africans. Clin Psychol Psychother. 2008;15(3):181-192.',
    others: [
      'Keyes CLM. The mental health continuum: from languishing to flourishing in life. J Health Soc Behav. 2002;43(2):207-222.',
      ...(mhcSfV1.citation.others ?? []),
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'mean', items: ITEMS },
    missingItems: { kind: 'none', source: MHC_SF_MISSING_SOURCE },
    subscales: mhcSfV1.scoring.subscales.map(({ maxProratedMissing: _legacy, ...subscale }) => subscale),
    band: mhcSfV1.scoring.band,
  },
});

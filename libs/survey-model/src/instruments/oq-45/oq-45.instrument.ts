import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { numberedItems, pick, proprietaryLicence, scaleItems } from '../shared/scoring-only';

const ITEMS = numberedItems('oq45', 45);

/** Item numbers per subscale (OQ-45.2 manual). */
export const OQ45_SUBSCALE_NUMBERS = {
  symptom_distress: [
    2, 3, 5, 6, 8, 9, 10, 11, 13, 15, 22, 23, 24, 25, 27, 29, 31, 33, 34, 35, 36, 40, 41, 42, 45,
  ],
  interpersonal_relations: [1, 7, 16, 17, 18, 19, 20, 26, 30, 37, 43],
  social_role: [4, 12, 14, 21, 28, 32, 38, 39, 44],
} as const;

/** OQ-45.2 (Lambert et al.), scoring only, with US and Dutch norms, version 1.0.0. Codebook: `codebooks/oq-45.md`. */
export const oq45V1: Instrument = defineInstrument({
  id: 'oq-45',
  version: '1.0.0',
  name: 'Outcome Questionnaire-45.2',
  construct: 'Symptom distress, interpersonal relations, social role functioning',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: proprietaryLicence(
    'LicenseRef-OQ-commercial',
    'The OQ-45.2 is a commercial instrument (OQ Measures LLC); use requires a licence.',
  ),
  citation: {
    primary:
      'Lambert MJ, Burlingame GM, Umphress V, et al. The reliability and validity of the Outcome Questionnaire. Clin Psychol Psychother. 1996;3(4):249-258.',
    others: [
      'de Jong K, Nugter MA, Polak MG, Wagenborg JEA, Spinhoven P, Heiser WJ. The Outcome Questionnaire (OQ-45) in a Dutch ' +
        'population: a cross-cultural validation. Clin Psychol Psychother. 2007;14(4):288-301.',
    ],
  },
  textAvailability: 'licensed-text-pack',
  scales: [{ id: 'frequency', min: 0, max: 4, step: 1, display: 'radio' }],
  items: scaleItems(ITEMS, 'frequency'),
  pages: [{ id: 'oq45', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Sum 0-180 after reversing the nine positively worded items (4 − value); no proration.
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    reverse: { items: pick('oq45', [1, 12, 13, 20, 21, 24, 31, 37, 43]), min: 0, max: 4 },
    subscales: [
      {
        id: 'symptom_distress',
        label: 'Symptom distress',
        method: 'sum',
        items: pick('oq45', OQ45_SUBSCALE_NUMBERS.symptom_distress),
        maxProratedMissing: 0,
      },
      {
        id: 'interpersonal_relations',
        label: 'Interpersonal relations',
        method: 'sum',
        items: pick('oq45', OQ45_SUBSCALE_NUMBERS.interpersonal_relations),
        maxProratedMissing: 0,
      },
      {
        id: 'social_role',
        label: 'Social role',
        method: 'sum',
        items: pick('oq45', OQ45_SUBSCALE_NUMBERS.social_role),
        maxProratedMissing: 0,
      },
    ],
    norms: [
      {
        id: 'us',
        label: 'US norms',
        cutoff: { value: 63, direction: 'at_or_above', meaning: 'clinical range' },
        reliableChange: { value: 14, improvement: 'decrease', source: 'Lambert et al., OQ-45.2 manual' },
        source: 'Lambert et al., OQ-45.2 manual',
      },
      {
        id: 'nl',
        label: 'Dutch norms',
        cutoff: { value: 56, direction: 'at_or_above', meaning: 'clinical range' },
        reliableChange: { value: 18, improvement: 'decrease', source: 'de Jong et al. 2007' },
        source: 'de Jong et al. 2007',
      },
    ],
    defaultNorm: 'us',
  },
});

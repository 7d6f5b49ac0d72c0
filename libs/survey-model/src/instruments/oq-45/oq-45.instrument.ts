import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

/** Where the OQ-45 rules of version 1.1.0 come from (codebook `scoring-only.md`, OQ-45.2). */
export const OQ45_SOURCES = {
  missing:
    'OQ-45.2 scoring instructions (Lambert et al., OQ Measures): a blank item gets the average of the remaining ' +
    "items of its subscale, rounded to the nearest whole number. The manual's limit was not available to us: Klik " +
    'fills at most 1 blank per subscale (provisional, see codebook) and makes no score beyond it.',
  us:
    'Lambert MJ, et al. Clin Psychol Psychother 1996;3(4):249-258 and the Administration and Scoring Manual for the ' +
    'OQ-45.2 (OQ Measures, 2004): clinical cut-off 63, reliable change 14.',
  nl:
    'de Jong K, Nugter MA, Lambert MJ, Burlingame GM. Handleiding voor afname en scoring van de Outcome ' +
    'Questionnaire OQ-45.2. OQ Measures; 2009 (Dutch norms, after de Jong et al. 2007): clinical cut-off 56, ' +
    'reliable change 18 (values not re-checked against the manual here).',
} as const;

/**
 * OQ-45.2, version 1.1.0: a blank item is filled with the rounded mean of the other items of its subscale (at most 1
 * per subscale, provisional), and the Dutch norms cite the Dutch manual. Codebook: `codebooks/scoring-only.md`.
 */
export const oq45V1_1: Instrument = defineInstrument({
  ...instrumentInput(oq45V1),
  version: '1.1.0',
  citation: {
    primary: oq45V1.citation.primary,
    others: [
      'Lambert MJ, Morton JJ, Hatfield D, Harmon C, Hamilton S, Reid RC, Shimokawa K, Christopherson C, Burlingame GM. Administration and Scoring Manual for the OQ-45.2 (Outcome Questionnaire). OQ Measures; 2004.',
      ...(oq45V1.citation.others ?? []),
      'de Jong K, Nugter MA, Lambert MJ, Burlingame GM. Handleiding voor afname en scoring van de Outcome Questionnaire OQ-45.2. Salt Lake City: OQ Measures; 2009.',
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'fill-subscale-mean', maxPerSubscale: 1, roundTo: 0, source: OQ45_SOURCES.missing },
    reverse: oq45V1.scoring.reverse,
    subscales: oq45V1.scoring.subscales.map(({ maxProratedMissing: _legacy, ...subscale }) => subscale),
    norms: [
      {
        id: 'us',
        label: 'US norms (Lambert et al.)',
        cutoff: { value: 63, direction: 'at_or_above', meaning: 'clinical range' },
        reliableChange: { value: 14, improvement: 'decrease', source: OQ45_SOURCES.us },
        source: OQ45_SOURCES.us,
      },
      {
        id: 'nl',
        label: 'Dutch norms (de Jong et al.)',
        cutoff: { value: 56, direction: 'at_or_above', meaning: 'clinical range' },
        reliableChange: { value: 18, improvement: 'decrease', source: OQ45_SOURCES.nl },
        source: OQ45_SOURCES.nl,
      },
    ],
    defaultNorm: 'us',
  },
});

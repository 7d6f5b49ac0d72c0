import { defineInstrument, instrumentInput } from '../../model/define-instrument';
import type { Instrument, InstrumentText } from '../../model/instrument.types';

const ITEMS = ['phq9_1', 'phq9_2', 'phq9_3', 'phq9_4', 'phq9_5', 'phq9_6', 'phq9_7', 'phq9_8', 'phq9_9'];

// The difficulty item is asked only when at least one problem was checked ("If you checked off any problems").
const ANY_PROBLEM = ITEMS.map((id) => `{${id}} > 0`).join(' or ');

const EN: InstrumentText = {
  title: 'PHQ-9',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: {
    phq9_1: 'Little interest or pleasure in doing things',
    phq9_2: 'Feeling down, depressed, or hopeless',
    phq9_3: 'Trouble falling or staying asleep, or sleeping too much',
    phq9_4: 'Feeling tired or having little energy',
    phq9_5: 'Poor appetite or overeating',
    phq9_6: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    phq9_7: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    phq9_8:
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or ' +
      'restless that you have been moving around a lot more than usual',
    phq9_9: 'Thoughts that you would be better off dead or of hurting yourself in some way',
    phq9_difficulty:
      'If you checked off any problems, how difficult have these problems made it for you to do your work, take ' +
      'care of things at home, or get along with other people?',
  },
  scales: {
    frequency: {
      '0': 'Not at all',
      '1': 'Several days',
      '2': 'More than half the days',
      '3': 'Nearly every day',
    },
  },
  options: {
    phq9_difficulty: {
      '0': 'Not difficult at all',
      '1': 'Somewhat difficult',
      '2': 'Very difficult',
      '3': 'Extremely difficult',
    },
  },
};

// Dutch wording as in the established Dutch PHQ-9 (to be checked against the official Pfizer/PHQ Screeners file).
const NL: InstrumentText = {
  title: 'PHQ-9',
  instructions:
    'Hoe vaak heeft u in de afgelopen 2 weken last gehad van een of meer van de volgende problemen?',
  items: {
    phq9_1: 'Weinig interesse of plezier in het doen van dingen',
    phq9_2: 'Zich neerslachtig, depressief of hopeloos voelen',
    phq9_3: 'Moeite met in slaap vallen of doorslapen, of te veel slapen',
    phq9_4: 'Zich moe voelen of weinig energie hebben',
    phq9_5: 'Weinig eetlust of te veel eten',
    phq9_6:
      'Een slecht gevoel over uzelf, of het gevoel hebben dat u een mislukkeling bent of uzelf of uw familie tekort hebt gedaan',
    phq9_7:
      'Moeite met concentreren, bijvoorbeeld bij het lezen van de krant of het kijken naar de televisie',
    phq9_8:
      'Zo traag bewegen of praten dat andere mensen het zouden kunnen opmerken? Of juist het tegenovergestelde: ' +
      'zo gejaagd of rusteloos zijn dat u veel meer bewoog dan normaal',
    phq9_9:
      'Gedachten dat u beter dood zou kunnen zijn of gedachten om uzelf op een of andere manier pijn te doen',
    phq9_difficulty:
      'Als u een of meer van deze problemen hebt aangevinkt, hoe moeilijk was het voor u door deze problemen om uw ' +
      'werk te doen, uw huishouden te regelen of met andere mensen om te gaan?',
  },
  scales: {
    frequency: {
      '0': 'Helemaal niet',
      '1': 'Meerdere dagen',
      '2': 'Meer dan de helft van de dagen',
      '3': 'Bijna elke dag',
    },
  },
  options: {
    phq9_difficulty: {
      '0': 'Helemaal niet moeilijk',
      '1': 'Enigszins moeilijk',
      '2': 'Zeer moeilijk',
      '3': 'Extreem moeilijk',
    },
  },
};

/** PHQ-9 (Kroenke, Spitzer & Williams 2001), version 1.0.0. Codebook: `codebooks/phq-9.md`. */
export const phq9V1: Instrument = defineInstrument({
  id: 'phq-9',
  version: '1.0.0',
  name: 'Patient Health Questionnaire-9',
  construct: 'Depression severity (DSM-IV criteria), past 2 weeks',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: {
    spdx: 'LicenseRef-PHQ-free-use',
    notice:
      'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational ' +
      'grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
    url: 'https://www.phqscreeners.com/',
  },
  citation: {
    primary:
      'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606-613.',
  },
  textAvailability: 'bundled',
  scales: [{ id: 'frequency', min: 0, max: 3, step: 1, display: 'radio' }],
  items: [
    ...ITEMS.map((id) => ({ id, kind: 'scale' as const, scale: 'frequency', required: true })),
    { id: 'phq9_difficulty', kind: 'single', options: [0, 1, 2, 3], required: false, visibleIf: ANY_PROBLEM },
  ],
  pages: [{ id: 'phq9', items: [...ITEMS, 'phq9_difficulty'] }],
  scoring: {
    scoringVersion: '1.0.0',
    // Sum 0-27; no proration (the PHQ-9 has no missing-item rule): any missing item makes the score missing.
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [],
    band: {
      kind: 'ranges',
      bands: [
        { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
        { id: 'mild', label: 'Mild', min: 5, max: 9 },
        { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
        { id: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
        { id: 'severe', label: 'Severe', min: 20, max: 27 },
      ],
    },
    cutoff: { value: 10, direction: 'at_or_above', meaning: 'probable depression (caseness)' },
    reliableChange: {
      value: 6,
      improvement: 'decrease',
      source: 'IAPT/NHS Talking Therapies: reliable improvement is a drop of 6 or more',
    },
    derived: [{ kind: 'item-value', id: 'difficulty', item: 'phq9_difficulty' }],
  },
  text: { nl: NL, en: EN },
});

/** Where the PHQ-9 rules of version 1.1.0 come from (codebook `phq-9.md`, "Version 1.1.0"). */
export const PHQ9_SOURCES = {
  missing:
    'Kroenke, Spitzer & Williams 2001 and the PHQ instruction manual (Pfizer, phqscreeners.com) give no rule for ' +
    'blank items, so Klik makes no score when an item is blank.',
  reliableChange:
    'IAPT Data Handbook v2.0.1 (National IAPT Programme Team, 2011) and the NHS Talking Therapies Manual: reliable ' +
    'improvement on the PHQ-9 is a drop of 6 points or more (the derivation of the value was not re-checked).',
  syndrome:
    'Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16(9):606-613 (after Spitzer, Kroenke & Williams, ' +
    'JAMA 1999;282(18):1737-1744): major depressive syndrome when 5 or more of the 9 symptoms are present at least ' +
    '"more than half the days" and one of them is item 1 or 2; other depressive syndrome with 2 to 4; item 9 counts ' +
    'when present at all.',
} as const;

/**
 * PHQ-9, version 1.1.0: the same items and wording as 1.0.0; a blank item makes the score missing with reason
 * `no_missing_item_rule` (the manual has no rule), the provisional-diagnosis algorithm is reported as
 * `derived.syndrome`, and the cut-off and reliable change value name their sources. Codebook: `codebooks/phq-9.md`.
 */
export const phq9V1_1: Instrument = defineInstrument({
  ...instrumentInput(phq9V1),
  version: '1.1.0',
  citation: {
    primary: phq9V1.citation.primary,
    others: [
      'Spitzer RL, Kroenke K, Williams JBW. Validation and utility of a self-report version of PRIME-MD: the PHQ primary care study. JAMA. 1999;282(18):1737-1744.',
      'National IAPT Programme Team. The IAPT Data Handbook, version 2.0.1. London: Department of Health; 2011.',
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'none', source: PHQ9_SOURCES.missing },
    subscales: [],
    // Kroenke et al. 2001: 5, 10, 15 and 20 are the lower edges of mild, moderate, moderately severe and severe.
    band: phq9V1.scoring.band,
    cutoff: {
      value: 10,
      direction: 'at_or_above',
      meaning: 'probable major depression (Kroenke et al. 2001: sensitivity 88%, specificity 88%)',
    },
    reliableChange: { value: 6, improvement: 'decrease', source: PHQ9_SOURCES.reliableChange },
    derived: [{ kind: 'item-value', id: 'difficulty', item: 'phq9_difficulty' }],
    flags: [
      {
        kind: 'symptom-count',
        id: 'syndrome',
        items: ITEMS,
        presentAtLeast: 2,
        presentAtLeastFor: { phq9_9: 1 },
        coreItems: ['phq9_1', 'phq9_2'],
        categories: [
          { id: 'major_depressive', minCount: 5 },
          { id: 'other_depressive', minCount: 2 },
        ],
        noneId: 'none',
        source: PHQ9_SOURCES.syndrome,
      },
    ],
  },
});

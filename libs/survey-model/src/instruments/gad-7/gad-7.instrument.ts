import { defineInstrument, instrumentInput } from '../../model/define-instrument';
import type { Instrument, InstrumentText } from '../../model/instrument.types';

const ITEMS = ['gad7_1', 'gad7_2', 'gad7_3', 'gad7_4', 'gad7_5', 'gad7_6', 'gad7_7'];

// The 0 anchor is "Not at all" (a common mis-copy reads "Not at all sure"; a test guards it).
const EN: InstrumentText = {
  title: 'GAD-7',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: {
    gad7_1: 'Feeling nervous, anxious, or on edge',
    gad7_2: 'Not being able to stop or control worrying',
    gad7_3: 'Worrying too much about different things',
    gad7_4: 'Trouble relaxing',
    gad7_5: 'Being so restless that it is hard to sit still',
    gad7_6: 'Becoming easily annoyed or irritable',
    gad7_7: 'Feeling afraid, as if something awful might happen',
  },
  scales: {
    frequency: {
      '0': 'Not at all',
      '1': 'Several days',
      '2': 'More than half the days',
      '3': 'Nearly every day',
    },
  },
};

// Dutch wording as in the established Dutch GAD-7 (to be checked against the official Pfizer/PHQ Screeners file).
const NL: InstrumentText = {
  title: 'GAD-7',
  instructions: 'Hoe vaak heeft u in de afgelopen 2 weken last gehad van de volgende problemen?',
  items: {
    gad7_1: 'Zich nerveus, angstig of gespannen voelen',
    gad7_2: 'Niet in staat zijn om te stoppen met piekeren of om het piekeren onder controle te houden',
    gad7_3: 'Zich te veel zorgen maken over verschillende dingen',
    gad7_4: 'Moeite om te ontspannen',
    gad7_5: 'Zo rusteloos zijn dat het moeilijk is om stil te zitten',
    gad7_6: 'Snel geïrriteerd of geërgerd zijn',
    gad7_7: 'Bang zijn dat er iets vreselijks zou kunnen gebeuren',
  },
  scales: {
    frequency: {
      '0': 'Helemaal niet',
      '1': 'Meerdere dagen',
      '2': 'Meer dan de helft van de dagen',
      '3': 'Bijna elke dag',
    },
  },
};

/** GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006), version 1.0.0. Codebook: `codebooks/gad-7.md`. */
export const gad7V1: Instrument = defineInstrument({
  id: 'gad-7',
  version: '1.0.0',
  name: 'Generalized Anxiety Disorder-7',
  construct: 'Anxiety severity, past 2 weeks',
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
      'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097.',
  },
  textAvailability: 'bundled',
  scales: [{ id: 'frequency', min: 0, max: 3, step: 1, display: 'radio' }],
  items: ITEMS.map((id) => ({ id, kind: 'scale' as const, scale: 'frequency', required: true })),
  pages: [{ id: 'gad7', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Sum 0-21; no proration.
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [],
    band: {
      kind: 'ranges',
      bands: [
        { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
        { id: 'mild', label: 'Mild', min: 5, max: 9 },
        { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
        { id: 'severe', label: 'Severe', min: 15, max: 21 },
      ],
    },
    cutoff: { value: 8, direction: 'at_or_above', meaning: 'probable anxiety disorder (caseness)' },
    reliableChange: {
      value: 4,
      improvement: 'decrease',
      source: 'IAPT/NHS Talking Therapies: reliable improvement is a drop of 4 or more',
    },
  },
  text: { nl: NL, en: EN },
});

/** Where the GAD-7 rules of version 1.1.0 come from (codebook `gad-7.md`, "Version 1.1.0"). */
export const GAD7_SOURCES = {
  missing:
    'Spitzer, Kroenke, Williams & Löwe 2006 and the PHQ instruction manual (Pfizer, phqscreeners.com) give no rule ' +
    'for blank items, so Klik makes no score when an item is blank.',
  reliableChange:
    'IAPT Data Handbook v2.0.1 (National IAPT Programme Team, 2011) and the NHS Talking Therapies Manual: reliable ' +
    'improvement on the GAD-7 is a drop of 4 points or more (the derivation of the value was not re-checked).',
  anyAnxiety:
    'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, ' +
    'impairment, comorbidity, and detection. Ann Intern Med 2007;146(5):317-325 (8 or more for any of four anxiety ' +
    'disorders); the caseness threshold of IAPT / NHS Talking Therapies (IAPT Data Handbook v2.0.1, 2011).',
  gad:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166(10):1092-1097: 10 or more for ' +
    'generalized anxiety disorder (sensitivity 89%, specificity 82%).',
} as const;

const GAD7_RELIABLE_CHANGE = {
  value: 4,
  improvement: 'decrease',
  source: GAD7_SOURCES.reliableChange,
} as const;

/**
 * GAD-7, version 1.1.0: the same items and wording as 1.0.0; a blank item makes the score missing with reason
 * `no_missing_item_rule`; the two published cut-offs are named norms, `any-anxiety` (8, the default) and `gad` (10).
 * Codebook: `codebooks/gad-7.md`.
 */
export const gad7V1_1: Instrument = defineInstrument({
  ...instrumentInput(gad7V1),
  version: '1.1.0',
  citation: {
    primary: gad7V1.citation.primary,
    others: [
      'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med. 2007;146(5):317-325.',
      'National IAPT Programme Team. The IAPT Data Handbook, version 2.0.1. London: Department of Health; 2011.',
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'none', source: GAD7_SOURCES.missing },
    subscales: [],
    // Spitzer et al. 2006: 5, 10 and 15 are the lower edges of mild, moderate and severe anxiety.
    band: gad7V1.scoring.band,
    norms: [
      {
        id: 'any-anxiety',
        label: 'Any anxiety disorder (8 or more)',
        cutoff: { value: 8, direction: 'at_or_above', meaning: 'probable anxiety disorder (caseness)' },
        reliableChange: GAD7_RELIABLE_CHANGE,
        source: GAD7_SOURCES.anyAnxiety,
      },
      {
        id: 'gad',
        label: 'Generalized anxiety disorder (10 or more)',
        cutoff: { value: 10, direction: 'at_or_above', meaning: 'probable generalized anxiety disorder' },
        reliableChange: GAD7_RELIABLE_CHANGE,
        source: GAD7_SOURCES.gad,
      },
    ],
    // 8 keeps caseness as in 1.0.0 and pairs with the reliable change value of the same (IAPT) framework; Klik's
    // clients are screened for anxiety in general, not for GAD alone.
    defaultNorm: 'any-anxiety',
  },
});

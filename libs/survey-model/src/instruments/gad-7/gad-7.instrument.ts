import { defineInstrument } from '../../model/define-instrument';
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

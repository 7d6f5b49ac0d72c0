import { defineInstrument } from '../../model/define-instrument';
import type { Instrument, InstrumentText } from '../../model/instrument.types';

const ITEMS = ['k10_1', 'k10_2', 'k10_3', 'k10_4', 'k10_5', 'k10_6', 'k10_7', 'k10_8', 'k10_9', 'k10_10'];

const EN: InstrumentText = {
  title: 'K10',
  instructions:
    'These questions are about how you have been feeling during the past 30 days. For each question, choose the ' +
    'answer that best describes how often you had this feeling. During the last 30 days, about how often did you feel …',
  items: {
    k10_1: '… tired out for no good reason?',
    k10_2: '… nervous?',
    k10_3: '… so nervous that nothing could calm you down?',
    k10_4: '… hopeless?',
    k10_5: '… restless or fidgety?',
    k10_6: '… so restless you could not sit still?',
    k10_7: '… depressed?',
    k10_8: '… that everything was an effort?',
    k10_9: '… so sad that nothing could cheer you up?',
    k10_10: '… worthless?',
  },
  scales: {
    frequency: {
      '1': 'None of the time',
      '2': 'A little of the time',
      '3': 'Some of the time',
      '4': 'Most of the time',
      '5': 'All of the time',
    },
  },
};

// Dutch wording as in the established Dutch K10 (to be checked against the official Dutch translation).
const NL: InstrumentText = {
  title: 'K10',
  instructions:
    'Deze vragen gaan over hoe u zich de afgelopen 30 dagen hebt gevoeld. Kies bij elke vraag het antwoord dat het ' +
    'best aangeeft hoe vaak u zich zo voelde. Hoe vaak voelde u zich in de afgelopen 30 dagen …',
  items: {
    k10_1: '… vermoeid zonder duidelijke reden?',
    k10_2: '… zenuwachtig?',
    k10_3: '… zo zenuwachtig dat niets u kon kalmeren?',
    k10_4: '… hopeloos?',
    k10_5: '… rusteloos of ongedurig?',
    k10_6: '… zo rusteloos dat u niet stil kon zitten?',
    k10_7: '… somber of depressief?',
    k10_8: '… dat alles veel moeite kostte?',
    k10_9: '… zo somber dat niets u kon opvrolijken?',
    k10_10: '… waardeloos?',
  },
  scales: { frequency: { '1': 'Nooit', '2': 'Af en toe', '3': 'Soms', '4': 'Meestal', '5': 'Altijd' } },
};

/** Kessler Psychological Distress Scale (K10), version 1.0.0. Codebook: `codebooks/k10.md`. */
export const k10V1: Instrument = defineInstrument({
  id: 'k10',
  version: '1.0.0',
  name: 'Kessler Psychological Distress Scale (K10)',
  construct: 'Non-specific psychological distress, past 30 days',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: {
    spdx: 'LicenseRef-K10-free-use',
    notice:
      'K10: Copyright © World Health Organization (WHO) 2003. Free to use; this copyright notice and the citation must be kept.',
    url: 'https://www.hcp.med.harvard.edu/ncs/k6_scales.php',
  },
  citation: {
    primary:
      'Kessler RC, Andrews G, Colpe LJ, Hiripi E, Mroczek DK, Normand SLT, Walters EE, Zaslavsky AM. Short screening ' +
      'scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med. 2002;32(6):959-976.',
  },
  textAvailability: 'bundled',
  scales: [{ id: 'frequency', min: 1, max: 5, step: 1, display: 'radio' }],
  items: ITEMS.map((id) => ({ id, kind: 'scale' as const, scale: 'frequency', required: true })),
  pages: [{ id: 'k10', items: ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Sum 10-50; no proration.
    total: { method: 'sum', items: ITEMS, maxProratedMissing: 0 },
    subscales: [],
    band: {
      kind: 'ranges',
      bands: [
        { id: 'low', label: 'Low', min: 10, max: 15 },
        { id: 'moderate', label: 'Moderate', min: 16, max: 21 },
        { id: 'high', label: 'High', min: 22, max: 29 },
        { id: 'very_high', label: 'Very high', min: 30, max: 50 },
      ],
    },
  },
  text: { nl: NL, en: EN },
});

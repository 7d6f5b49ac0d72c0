import { defineInstrument, instrumentInput } from '../../model/define-instrument';
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

// Version 1.1.0 asks about the past 4 weeks in both languages: the Dutch wording of the national health monitor
// (CBS Gezondheidsenquête, GGD Gezondheidsmonitor), and the English items unchanged with the same 4-week period, so
// one version asks one period in both languages.
const EN_4_WEEKS: InstrumentText = {
  ...EN,
  instructions:
    'These questions are about how you have been feeling in the past 4 weeks. For each question, choose the answer ' +
    'that best describes how often you had this feeling. In the past 4 weeks, about how often did you feel …',
};

// Wording of the Dutch national health monitor (CBS, "Risico op angststoornis of depressie", K10), quoted as
// published; answers 1 "Nooit" … 5 "Altijd" (the monitor lists them from "Altijd" down, scored 5 … 1).
const NL_MONITOR: InstrumentText = {
  title: 'K10',
  instructions: 'De volgende vragen gaan over hoe u zich voelde in de afgelopen 4 weken.',
  items: {
    k10_1: 'Hoe vaak voelde u zich erg vermoeid zonder duidelijke reden?',
    k10_2: 'Hoe vaak voelde u zich zenuwachtig?',
    k10_3: 'Hoe vaak was u zo zenuwachtig dat u niet tot rust kon komen?',
    k10_4: 'Hoe vaak voelde u zich hopeloos?',
    k10_5: 'Hoe vaak voelde u zich rusteloos of ongedurig?',
    k10_6: 'Hoe vaak voelde u zich zo rusteloos dat u niet meer stil kon zitten?',
    k10_7: 'Hoe vaak voelde u zich somber of depressief?',
    k10_8: 'Hoe vaak had u het gevoel dat alles veel moeite kostte?',
    k10_9: 'Hoe vaak voelde u zich zo somber dat niets hielp om u op te vrolijken?',
    k10_10: 'Hoe vaak vond u zichzelf afkeurenswaardig, minderwaardig of waardeloos?',
  },
  scales: { frequency: { '1': 'Nooit', '2': 'Af en toe', '3': 'Soms', '4': 'Meestal', '5': 'Altijd' } },
};

/** Where the K10 rules of version 1.1.0 come from (codebook `k10.md`, "Version 1.1.0"). */
export const K10_SOURCES = {
  missing:
    'AMHOCN, Overview of clinician-rated and consumer self-report measures v2.1 (2021), p. 58, as applied in the ' +
    'PMHC Minimum Data Set: with one of items 1-10 missing, total = round(sum of the nine / 9 × 10); with more, no score.',
  andrewsSlade:
    'Andrews G, Slade T. Interpreting scores on the Kessler Psychological Distress Scale (K10). Aust N Z J Public ' +
    'Health 2001;25(6):494-497: 10-15 low, 16-21 moderate, 22-29 high, 30-50 very high.',
  nlMonitor:
    'CBS / GGD Gezondheidsmonitor, indicator "risico op angststoornis of depressie" (Dutch K10, 4 weeks): 10-15 no or ' +
    'low risk, 16-29 moderate risk, 30-50 high risk of an anxiety disorder or depression (cbs.nl, 2021).',
} as const;

const ANDREWS_SLADE_BANDS = [
  { id: 'low', label: 'Low', min: 10, max: 15 },
  { id: 'moderate', label: 'Moderate', min: 16, max: 21 },
  { id: 'high', label: 'High', min: 22, max: 29 },
  { id: 'very_high', label: 'Very high', min: 30, max: 50 },
] as const;

/**
 * K10, version 1.1.0: 4-week recall in both languages (Dutch wording of the national health monitor), one blank
 * item prorated as AMHOCN says (two or more: missing), the Andrews & Slade bands (default) and the Dutch monitor's
 * categories as named norms. Codebook: `codebooks/k10.md`.
 */
export const k10V1_1: Instrument = defineInstrument({
  ...instrumentInput(k10V1),
  version: '1.1.0',
  construct: 'Non-specific psychological distress, past 4 weeks',
  citation: {
    primary: k10V1.citation.primary,
    others: [
      'Andrews G, Slade T. Interpreting scores on the Kessler Psychological Distress Scale (K10). Aust N Z J Public Health. 2001;25(6):494-497.',
      'Centraal Bureau voor de Statistiek / GGD GHOR Nederland. Gezondheidsmonitor: Kessler-10 (Nederlandse versie), risico op angststoornis of depressie.',
      'Australian Mental Health Outcomes and Classification Network (AMHOCN). Overview of clinician-rated and consumer self-report measures, version 2.1. 2021.',
    ],
  },
  scoring: {
    scoringVersion: '1.1.0',
    total: { method: 'sum', items: ITEMS },
    missingItems: { kind: 'prorate', maxMissing: 1, roundTo: 0, source: K10_SOURCES.missing },
    subscales: [],
    band: { kind: 'ranges', bands: ANDREWS_SLADE_BANDS },
    norms: [
      {
        id: 'andrews-slade',
        label: 'Australian bands (Andrews & Slade 2001)',
        bands: ANDREWS_SLADE_BANDS,
        source: K10_SOURCES.andrewsSlade,
      },
      {
        id: 'nl-monitor',
        label: 'Dutch health monitor (CBS / GGD)',
        bands: [
          { id: 'low', label: 'No or low risk', min: 10, max: 15 },
          { id: 'moderate', label: 'Moderate risk', min: 16, max: 29 },
          { id: 'high', label: 'High risk', min: 30, max: 50 },
        ],
        cutoff: {
          value: 30,
          direction: 'at_or_above',
          meaning: 'high risk of an anxiety disorder or depression',
        },
        source: K10_SOURCES.nlMonitor,
      },
    ],
    // The Andrews & Slade bands, as in 1.0.0: finer, and the ones most K10 literature reports.
    defaultNorm: 'andrews-slade',
  },
  text: { nl: NL_MONITOR, en: EN_4_WEEKS },
});

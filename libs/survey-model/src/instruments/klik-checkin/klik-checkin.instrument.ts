import { defineInstrument } from '../../model/define-instrument';
import type { Instrument, InstrumentText, ResponseScale } from '../../model/instrument.types';
import { KLIK_LICENCE } from '../shared/klik-common';

// Each item has its own 0-10 scale because each has its own end labels.
const zeroToTen = (id: string): ResponseScale => ({ id, min: 0, max: 10, step: 1, display: 'rating' });

const NL: InstrumentText = {
  title: 'Even inchecken',
  instructions: 'Vier korte vragen over vandaag. Kies een getal van 0 tot 10.',
  items: {
    kc_wellbeing: 'Hoe gaat het op dit moment met je?',
    kc_connection: 'Hoe was de klik met je begeleider vandaag?',
    kc_heard: 'Voelde je je vandaag gehoord en begrepen?',
    kc_hope: 'Hoeveel hoop heb je dat het beter gaat worden?',
  },
  scales: {
    wellbeing: { '0': 'Heel slecht', '10': 'Heel goed' },
    connection: { '0': 'Helemaal geen klik', '10': 'Een heel goede klik' },
    heard: { '0': 'Helemaal niet', '10': 'Helemaal wel' },
    hope: { '0': 'Geen hoop', '10': 'Veel hoop' },
  },
};

const EN: InstrumentText = {
  title: 'A quick check-in',
  instructions: 'Four short questions about today. Choose a number from 0 to 10.',
  items: {
    kc_wellbeing: 'How are you doing right now?',
    kc_connection: 'How was the connection with your practitioner today?',
    kc_heard: 'Did you feel heard and understood today?',
    kc_hope: 'How hopeful are you that things will get better?',
  },
  scales: {
    wellbeing: { '0': 'Very bad', '10': 'Very good' },
    connection: { '0': 'No connection at all', '10': 'A very good connection' },
    heard: { '0': 'Not at all', '10': 'Completely' },
    hope: { '0': 'No hope', '10': 'A lot of hope' },
  },
};

/** Klik session check-in, client-rated, every session, version 1.0.0. Codebook: `codebooks/klik-checkin.md`. */
export const klikCheckinV1: Instrument = defineInstrument({
  id: 'klik-checkin',
  version: '1.0.0',
  name: 'Klik session check-in',
  construct: 'Per-session check-in: current well-being, session connection ("klik"), feeling heard, hope',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: KLIK_LICENCE,
  citation: { primary: 'Klik project (2026). Klik session check-in, version 1.0.0. CC BY 4.0.' },
  textAvailability: 'bundled',
  scales: [zeroToTen('wellbeing'), zeroToTen('connection'), zeroToTen('heard'), zeroToTen('hope')],
  items: [
    { id: 'kc_wellbeing', kind: 'scale', scale: 'wellbeing', required: true },
    { id: 'kc_connection', kind: 'scale', scale: 'connection', required: true },
    { id: 'kc_heard', kind: 'scale', scale: 'heard', required: true },
    { id: 'kc_hope', kind: 'scale', scale: 'hope', required: true },
  ],
  pages: [{ id: 'checkin', items: ['kc_wellbeing', 'kc_connection', 'kc_heard', 'kc_hope'] }],
  scoring: {
    scoringVersion: '1.0.0',
    // No total: well-being, the session relationship and hope are different things; each is reported on its own.
    total: null,
    subscales: [
      {
        id: 'wellbeing',
        label: 'Well-being now',
        method: 'mean',
        items: ['kc_wellbeing'],
        maxProratedMissing: 0,
      },
      {
        id: 'session_alliance',
        label: 'Session alliance (klik, heard)',
        method: 'mean',
        items: ['kc_connection', 'kc_heard'],
        maxProratedMissing: 0,
      },
      { id: 'hope', label: 'Hope', method: 'mean', items: ['kc_hope'], maxProratedMissing: 0 },
    ],
  },
  text: { nl: NL, en: EN },
});

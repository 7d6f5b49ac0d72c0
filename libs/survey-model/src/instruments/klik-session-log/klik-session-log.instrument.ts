import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { AGREEMENT_SCALE, DISCLOSURE_CONTENT_CODES, KLIK_LICENCE } from '../shared/klik-common';
import { KLIK_SESSION_LOG_EN, KLIK_SESSION_LOG_NL } from './klik-session-log.text';

/** Why the practitioner disclosed (multi-select codes). */
export const DISCLOSURE_INTENT_CODES = [
  'hope',
  'not_alone',
  'openness',
  'denial',
  'coping',
  'equality',
  'information',
  'other',
] as const;

const ALLIANCE = ['ksl_alliance_bond', 'ksl_alliance_goals', 'ksl_alliance_tasks', 'ksl_alliance_trust'];
const DISCLOSED = '{ksl_disclosed} = 1';
const NOT_DISCLOSED = { item: 'ksl_disclosed', equals: 0 };

/** Klik practitioner session log, version 1.0.0. Codebook: `codebooks/klik-session-log.md`. */
export const klikSessionLogV1: Instrument = defineInstrument({
  id: 'klik-session-log',
  version: '1.0.0',
  name: 'Klik practitioner session log',
  construct:
    "The practitioner's record of a session: self-disclosure (yes/no, content, intent, perceived reaction) and own alliance rating",
  respondent: 'practitioner',
  languages: ['nl', 'en'],
  licence: KLIK_LICENCE,
  citation: { primary: 'Klik project (2026). Klik practitioner session log, version 1.0.0. CC BY 4.0.' },
  textAvailability: 'bundled',
  scales: [AGREEMENT_SCALE],
  items: [
    { id: 'ksl_disclosed', kind: 'single', options: [1, 0], required: true },
    { id: 'ksl_content', kind: 'multi', options: DISCLOSURE_CONTENT_CODES, required: true },
    {
      id: 'ksl_content_other',
      kind: 'text',
      maxLength: 500,
      required: false,
      visibleIf: "{ksl_content} contains 'other'",
    },
    { id: 'ksl_intent', kind: 'multi', options: DISCLOSURE_INTENT_CODES, required: true },
    { id: 'ksl_reaction', kind: 'single', options: [1, 2, 3, 4, 5], required: true },
    { id: 'ksl_focus_returned', kind: 'scale', scale: 'agreement', required: true },
    ...ALLIANCE.map((id) => ({ id, kind: 'scale' as const, scale: 'agreement', required: true })),
  ],
  pages: [
    { id: 'disclosed', items: ['ksl_disclosed'] },
    {
      id: 'disclosure',
      items: ['ksl_content', 'ksl_content_other', 'ksl_intent', 'ksl_reaction', 'ksl_focus_returned'],
      visibleIf: DISCLOSED,
    },
    { id: 'alliance', items: ALLIANCE },
  ],
  scoring: {
    scoringVersion: '1.0.0',
    total: null,
    subscales: [
      {
        id: 'alliance',
        label: 'Practitioner-rated alliance',
        method: 'mean',
        items: ALLIANCE,
        maxProratedMissing: 0,
      },
    ],
    derived: [
      { kind: 'item-value', id: 'disclosed', item: 'ksl_disclosed' },
      {
        kind: 'choice-flags',
        id: 'content',
        item: 'ksl_content',
        codes: DISCLOSURE_CONTENT_CODES,
        zeroWhen: NOT_DISCLOSED,
      },
      {
        kind: 'choice-flags',
        id: 'intent',
        item: 'ksl_intent',
        codes: DISCLOSURE_INTENT_CODES,
        zeroWhen: NOT_DISCLOSED,
      },
      { kind: 'item-value', id: 'reaction', item: 'ksl_reaction' },
      { kind: 'item-value', id: 'focus_returned', item: 'ksl_focus_returned' },
    ],
  },
  text: { nl: KLIK_SESSION_LOG_NL, en: KLIK_SESSION_LOG_EN },
});

import { defineInstrument } from '../../model/define-instrument';
import type { Instrument, ItemSpec } from '../../model/instrument.types';
import { AGREEMENT_SCALE, KLIK_LICENCE } from '../shared/klik-common';
import { KLIK_ALLIANCE_EN, KLIK_ALLIANCE_NL } from './klik-alliance.text';

const SUBSCALE_ITEMS = {
  bond: ['ka_bond_1', 'ka_bond_2', 'ka_bond_3'],
  goals: ['ka_goals_1', 'ka_goals_2', 'ka_goals_3'],
  tasks: ['ka_tasks_1', 'ka_tasks_2', 'ka_tasks_3'],
  equality: ['ka_equality_1', 'ka_equality_2', 'ka_equality_3'],
  humanity: ['ka_humanity_1', 'ka_humanity_2', 'ka_humanity_3'],
} as const;

const ALL_ITEMS = Object.values(SUBSCALE_ITEMS).flat();

const items: ItemSpec[] = ALL_ITEMS.map((id) => ({ id, kind: 'scale', scale: 'agreement', required: true }));

/** Klik alliance scale ("klik"), client-rated, version 1.0.0. Codebook: `codebooks/klik-alliance.md`. */
export const klikAllianceV1: Instrument = defineInstrument({
  id: 'klik-alliance',
  version: '1.0.0',
  name: 'Klik alliance scale',
  construct:
    'Working alliance ("klik") as rated by the client: bond, agreement on goals and tasks, equality/credibility, humanity',
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: KLIK_LICENCE,
  citation: { primary: 'Klik project (2026). Klik alliance scale, version 1.0.0. CC BY 4.0.' },
  textAvailability: 'bundled',
  scales: [AGREEMENT_SCALE],
  items,
  pages: [{ id: 'alliance', items: ALL_ITEMS }],
  scoring: {
    scoringVersion: '1.0.0',
    // Mean of the 15 items (1-5) after reversing ka_goals_3 and ka_equality_3; up to 2 items may be missing.
    total: { method: 'mean', items: ALL_ITEMS, maxProratedMissing: 2 },
    reverse: { items: ['ka_goals_3', 'ka_equality_3'], min: 1, max: 5 },
    subscales: [
      { id: 'bond', label: 'Bond', method: 'mean', items: SUBSCALE_ITEMS.bond, maxProratedMissing: 0 },
      {
        id: 'goals',
        label: 'Agreement on goals',
        method: 'mean',
        items: SUBSCALE_ITEMS.goals,
        maxProratedMissing: 0,
      },
      {
        id: 'tasks',
        label: 'Agreement on tasks',
        method: 'mean',
        items: SUBSCALE_ITEMS.tasks,
        maxProratedMissing: 0,
      },
      {
        id: 'equality',
        label: 'Equality and credibility',
        method: 'mean',
        items: SUBSCALE_ITEMS.equality,
        maxProratedMissing: 0,
      },
      {
        id: 'humanity',
        label: 'Humanity',
        method: 'mean',
        items: SUBSCALE_ITEMS.humanity,
        maxProratedMissing: 0,
      },
    ],
  },
  text: { nl: KLIK_ALLIANCE_NL, en: KLIK_ALLIANCE_EN },
});

import type { InstrumentText } from '../../model/instrument.types';
import { AGREEMENT_LABELS } from '../shared/klik-common';

/** Dutch wording (B1). "Begeleider" covers therapist, coach and counsellor. */
export const KLIK_ALLIANCE_NL: InstrumentText = {
  title: 'De klik met je begeleider',
  instructions:
    'Hieronder staan zinnen over jou en je begeleider. Denk aan de laatste gesprekken. ' +
    'Kies bij elke zin wat het best bij jou past. Er zijn geen goede of foute antwoorden.',
  items: {
    ka_bond_1: 'Ik voel me op mijn gemak bij mijn begeleider.',
    ka_bond_2: 'Ik merk dat mijn begeleider om mij geeft.',
    ka_bond_3: 'Ik vertrouw mijn begeleider.',
    ka_goals_1: 'We werken aan doelen die voor mij belangrijk zijn.',
    ka_goals_2: 'Mijn begeleider en ik zijn het eens over wat ik wil bereiken.',
    ka_goals_3: 'Ik weet eigenlijk niet goed waar we samen naartoe werken.',
    ka_tasks_1: 'Wat we in de gesprekken doen, helpt mij verder.',
    ka_tasks_2: 'Ik snap waarom we de dingen doen die we doen.',
    ka_tasks_3: 'We bepalen samen hoe we aan de slag gaan.',
    ka_equality_1: 'Mijn begeleider praat met mij als gelijke, niet van bovenaf.',
    ka_equality_2: 'Ik geloof mijn begeleider als hij of zij zegt dat het beter kan worden.',
    ka_equality_3: 'Mijn begeleider komt over als iemand die alles beter weet.',
    ka_humanity_1: 'Mijn begeleider laat merken dat hij of zij ook gewoon een mens is.',
    ka_humanity_2: 'Ik merk dat mijn begeleider echt betrokken is bij mij.',
    ka_humanity_3: 'Bij mijn begeleider voel ik me een mens, niet een geval of een nummer.',
  },
  scales: { agreement: AGREEMENT_LABELS.nl },
};

/** English wording. */
export const KLIK_ALLIANCE_EN: InstrumentText = {
  title: 'The connection with your practitioner',
  instructions:
    'Below are some statements about you and your practitioner. Think about your recent sessions. ' +
    'For each statement, choose what fits you best. There are no right or wrong answers.',
  items: {
    ka_bond_1: 'I feel at ease with my practitioner.',
    ka_bond_2: 'I can tell that my practitioner cares about me.',
    ka_bond_3: 'I trust my practitioner.',
    ka_goals_1: 'We work on goals that matter to me.',
    ka_goals_2: 'My practitioner and I agree on what I want to achieve.',
    ka_goals_3: 'I am not really sure what we are working towards together.',
    ka_tasks_1: 'What we do in our sessions helps me move forward.',
    ka_tasks_2: 'I understand why we do the things we do.',
    ka_tasks_3: 'We decide together how we go about things.',
    ka_equality_1: 'My practitioner talks with me as an equal, not down to me.',
    ka_equality_2: 'I believe my practitioner when they say things can get better.',
    ka_equality_3: 'My practitioner comes across as someone who always knows better.',
    ka_humanity_1: 'My practitioner lets me see that they are only human too.',
    ka_humanity_2: 'I can tell that my practitioner is truly involved with me.',
    ka_humanity_3: 'With my practitioner I feel like a person, not a case or a number.',
  },
  scales: { agreement: AGREEMENT_LABELS.en },
};

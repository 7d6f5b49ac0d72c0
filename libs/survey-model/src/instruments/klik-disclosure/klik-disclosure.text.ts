import type { InstrumentText } from '../../model/instrument.types';
import { AGREEMENT_LABELS } from '../shared/klik-common';

/** Dutch wording (B1). */
export const KLIK_DISCLOSURE_NL: InstrumentText = {
  title: 'Eigen ervaringen van je begeleider',
  instructions:
    'Sommige begeleiders vertellen soms iets over hun eigen leven, bijvoorbeeld over een moeilijke tijd die ze zelf ' +
    'hebben meegemaakt. Daar gaan deze vragen over. Er zijn geen goede of foute antwoorden.',
  pages: { frequency: 'Hoe vaak', content: 'Waarover', experience: 'Wat vond je ervan?' },
  items: {
    kd_frequency:
      'Vertelde je begeleider in de laatste gesprekken iets over zijn of haar eigen ervaringen? ' +
      'Bijvoorbeeld over een moeilijke tijd die hij of zij zelf heeft meegemaakt.',
    kd_content: 'Waar ging het over? Je mag meer dan één antwoord kiezen.',
    kd_content_other: 'Waar ging het nog meer over? (niet verplicht)',
    kd_fit_1: 'Mijn begeleider vertelde het op een moment dat het goed paste.',
    kd_fit_2: 'Wat mijn begeleider vertelde, had echt met mijn situatie te maken.',
    kd_fit_3: 'Mijn begeleider vertelde zo veel als goed was voor mij: niet te veel en niet te weinig.',
    kd_boundary_1: 'Daarna ging de aandacht weer naar mij.',
    kd_boundary_2: 'Ik hoefde niet voor mijn begeleider te zorgen.',
    kd_boundary_3: 'Het ging soms meer over mijn begeleider dan over mij.',
    kd_helpful: 'Het hielp mij dat mijn begeleider dit vertelde.',
    kd_effect_openness: 'Daardoor durfde ik meer te vertellen over wat ik voel en waar ik vastloop.',
    kd_effect_hope: 'Het gaf mij hoop dat het beter kan worden.',
    kd_effect_not_alone: 'Ik merkte dat ik niet de enige ben.',
    kd_effect_shame: 'Ik schaam me minder voor hoe het met mij gaat.',
  },
  scales: { agreement: AGREEMENT_LABELS.nl },
  options: {
    kd_frequency: { '0': 'Nee, nooit', '1': 'Eén keer', '2': 'Een paar keer', '3': 'Vaak' },
    kd_content: {
      struggles: 'Eigen moeilijke momenten, worstelingen of fouten',
      low_point: 'Het dieptepunt van een zware tijd in zijn of haar leven',
      resistance: 'Dat hij of zij zelf ook niet wilde toegeven dat het niet goed ging',
      victories: 'Overwinningen en momenten dat het beter ging',
      insights: 'Inzichten, of overtuigingen die hij of zij heeft losgelaten',
      patterns: 'Patronen die hij of zij bij zichzelf herkende, zoals veel in je hoofd leven',
      techniques:
        'Wat hem of haar hielp, zoals mindfulness, ontspanning, beweging of minder suiker en alcohol',
      other: 'Iets anders',
    },
  },
};

/** English wording. */
export const KLIK_DISCLOSURE_EN: InstrumentText = {
  title: "Your practitioner's own experiences",
  instructions:
    'Some practitioners now and then tell you something about their own life, for example about a hard time they ' +
    'went through themselves. These questions are about that. There are no right or wrong answers.',
  pages: { frequency: 'How often', content: 'What about', experience: 'What did you think of it?' },
  items: {
    kd_frequency:
      'In your recent sessions, did your practitioner tell you about their own experiences? ' +
      'For example, about a hard time they went through themselves.',
    kd_content: 'What was it about? You may choose more than one answer.',
    kd_content_other: 'What else was it about? (optional)',
    kd_fit_1: 'My practitioner shared it at a moment when it fitted well.',
    kd_fit_2: 'What my practitioner shared really had to do with my situation.',
    kd_fit_3: 'My practitioner shared as much as was good for me: not too much and not too little.',
    kd_boundary_1: 'Afterwards, the focus came back to me.',
    kd_boundary_2: 'I did not have to take care of my practitioner.',
    kd_boundary_3: 'At times it was more about my practitioner than about me.',
    kd_helpful: 'It helped me that my practitioner shared this.',
    kd_effect_openness: 'Because of it, I dared to say more about what I feel and where I get stuck.',
    kd_effect_hope: 'It gave me hope that things can get better.',
    kd_effect_not_alone: 'I realised that I am not the only one.',
    kd_effect_shame: 'I feel less ashamed of how I am doing.',
  },
  scales: { agreement: AGREEMENT_LABELS.en },
  options: {
    kd_frequency: { '0': 'No, never', '1': 'Once', '2': 'A few times', '3': 'Often' },
    kd_content: {
      struggles: 'Their own hard moments, struggles or mistakes',
      low_point: 'The lowest point of a hard time in their life',
      resistance: 'That they, too, did not want to admit that things were not going well',
      victories: 'Victories and moments when things went better',
      insights: 'Insights, or beliefs they let go of',
      patterns: 'Patterns they recognised in themselves, such as living in their head a lot',
      techniques: 'What helped them, such as mindfulness, relaxation, exercise, or less sugar and alcohol',
      other: 'Something else',
    },
  },
};

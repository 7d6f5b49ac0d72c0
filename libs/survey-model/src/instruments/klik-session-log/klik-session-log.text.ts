import type { InstrumentText } from '../../model/instrument.types';
import { AGREEMENT_LABELS } from '../shared/klik-common';

/** Dutch wording for practitioners. */
export const KLIK_SESSION_LOG_NL: InstrumentText = {
  title: 'Sessielog',
  instructions: 'Vul dit in na de sessie, voor deze cliënt en deze sessie. Het kost ongeveer een minuut.',
  pages: { disclosed: 'Eigen ervaringen', disclosure: 'Wat je deelde', alliance: 'De samenwerking' },
  items: {
    ksl_disclosed: 'Heb je in deze sessie iets van je eigen ervaringen gedeeld?',
    ksl_content: 'Wat heb je gedeeld? Kies alles wat van toepassing is.',
    ksl_content_other: 'Wat heb je nog meer gedeeld? (niet verplicht)',
    ksl_intent: 'Waarom deelde je het? Kies alles wat van toepassing is.',
    ksl_reaction: 'Hoe reageerde je cliënt erop, volgens jou?',
    ksl_focus_returned: 'Daarna ging de aandacht weer naar de cliënt.',
    ksl_alliance_bond: 'Er was in deze sessie een goede klik tussen mijn cliënt en mij.',
    ksl_alliance_goals: 'We waren het eens over waar we aan werken.',
    ksl_alliance_tasks: 'We waren het eens over hoe we eraan werken.',
    ksl_alliance_trust: 'Ik had het gevoel dat mijn cliënt mij vertrouwde.',
  },
  scales: { agreement: AGREEMENT_LABELS.nl },
  options: {
    ksl_disclosed: { '1': 'Ja', '0': 'Nee' },
    ksl_content: {
      struggles: 'Eigen moeilijke momenten, worstelingen of fouten',
      low_point: 'Het dieptepunt van mijn eigen zware periode',
      resistance: 'Mijn eigen weerstand of ontkenning',
      victories: 'Overwinningen en momenten dat het beter ging',
      insights: 'Inzichten, of overtuigingen die ik heb losgelaten',
      patterns: 'Patronen die ik bij mezelf herkende',
      techniques: 'Technieken of leefstijl die mij hielpen',
      other: 'Iets anders',
    },
    ksl_intent: {
      hope: 'Realistische hoop geven',
      not_alone: 'Laten merken dat de cliënt niet de enige is',
      openness: 'Openheid uitnodigen over gevoelens en blokkades',
      denial: 'Ontkenning of weerstand helpen doorbreken',
      coping: 'Een manier laten zien om ermee om te gaan',
      equality: 'Gelijkwaardigheid en vertrouwen in de relatie versterken',
      information: 'Informatie of uitleg geven',
      other: 'Iets anders',
    },
    ksl_reaction: {
      '1': 'Duidelijk negatief',
      '2': 'Eerder negatief',
      '3': 'Neutraal of niet duidelijk',
      '4': 'Eerder positief',
      '5': 'Duidelijk positief',
    },
  },
};

/** English wording for practitioners. */
export const KLIK_SESSION_LOG_EN: InstrumentText = {
  title: 'Session log',
  instructions: 'Fill this in after the session, for this client and this session. It takes about a minute.',
  pages: {
    disclosed: 'Your own experiences',
    disclosure: 'What you shared',
    alliance: 'The working relationship',
  },
  items: {
    ksl_disclosed: 'Did you share any of your own experiences in this session?',
    ksl_content: 'What did you share? Choose all that apply.',
    ksl_content_other: 'What else did you share? (optional)',
    ksl_intent: 'Why did you share it? Choose all that apply.',
    ksl_reaction: 'How did your client respond to it, in your view?',
    ksl_focus_returned: 'Afterwards, the focus went back to the client.',
    ksl_alliance_bond: 'There was a good connection between my client and me in this session.',
    ksl_alliance_goals: 'We agreed on what we are working on.',
    ksl_alliance_tasks: 'We agreed on how we are working on it.',
    ksl_alliance_trust: 'I felt that my client trusted me.',
  },
  scales: { agreement: AGREEMENT_LABELS.en },
  options: {
    ksl_disclosed: { '1': 'Yes', '0': 'No' },
    ksl_content: {
      struggles: 'My own hard moments, struggles or mistakes',
      low_point: 'The lowest point of my own hard time',
      resistance: 'My own resistance or denial',
      victories: 'Victories and moments when things went better',
      insights: 'Insights, or beliefs I let go of',
      patterns: 'Patterns I recognised in myself',
      techniques: 'Techniques or lifestyle changes that helped me',
      other: 'Something else',
    },
    ksl_intent: {
      hope: 'Offer realistic hope',
      not_alone: 'Show the client they are not the only one',
      openness: 'Invite openness about feelings and blocks',
      denial: 'Help work through denial or resistance',
      coping: 'Show a way of coping',
      equality: 'Strengthen equality and trust in the relationship',
      information: 'Give information or an explanation',
      other: 'Something else',
    },
    ksl_reaction: {
      '1': 'Clearly negative',
      '2': 'Rather negative',
      '3': 'Neutral or unclear',
      '4': 'Rather positive',
      '5': 'Clearly positive',
    },
  },
};

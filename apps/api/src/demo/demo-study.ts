import type { Language, WithdrawalPolicy } from '../studies/study.entity';
import type { Respondent } from '../protocol/timepoint-instrument.entity';
import type { TimepointKind } from '../protocol/timepoint.entity';

/** Logins of the demo institution; printed by `npm start`. Only seeded outside production. */
export const DEMO_PASSWORD = 'klik-demo-2026';
export const DEMO_USERS = [
  { email: 'admin@demo.klik.test', displayName: 'Demo Admin', role: 'institution_admin' as const },
  { email: 'researcher@demo.klik.test', displayName: 'Demo Researcher', role: 'researcher' as const },
  {
    email: 'practitioner.anna@demo.klik.test',
    displayName: 'Anna (practitioner)',
    role: 'practitioner' as const,
  },
  {
    email: 'practitioner.bram@demo.klik.test',
    displayName: 'Bram (practitioner)',
    role: 'practitioner' as const,
  },
];

export const DEMO_INSTITUTION = { slug: 'klik-demo', name: 'Klik Demo Institute' };

/**
 * A second institution taking part in the demo study with a cohort of its own, so the comparison of institutions
 * (aggregates only, small cells suppressed) has something to compare on a fresh start.
 */
export const DEMO_PARTNER = {
  institution: { slug: 'klik-demo-noord', name: 'Praktijk Noord (demo partner)' },
  users: [
    {
      email: 'researcher.noord@demo.klik.test',
      displayName: 'Noord Researcher',
      role: 'researcher' as const,
    },
    {
      email: 'practitioner.noor@demo.klik.test',
      displayName: 'Noor (practitioner)',
      role: 'practitioner' as const,
    },
  ],
  cohort: 'Groningen',
};

const instrument = (instrumentId: string, respondent: Respondent = 'client') => ({
  instrumentId,
  instrumentVersion: '1.0.0',
  respondent,
});

export const DEMO_STUDY = {
  title: {
    nl: 'Ervaringsdeskundigheid in burn-outcoaching: openheid, klik en herstel (demo)',
    en: 'Lived experience in burn-out coaching: disclosure, klik and recovery (demo)',
  },
  description: {
    nl:
      'Demo-onderzoek: hangt openheid van de begeleider over eigen ervaring samen met een sterkere werkrelatie ' +
      '("klik"), en voorspelt die werkrelatie herstel van burn-out en depressie?',
    en:
      'Demo study: does practitioner self-disclosure of lived experience go with a stronger working alliance ' +
      '("klik"), and does the alliance predict recovery from burn-out and depression?',
  },
  languages: ['nl', 'en'] as Language[],
  withdrawalPolicy: 'erase_responses' as WithdrawalPolicy,
  consent: {
    nl:
      'Je doet vrijwillig mee. Je antwoorden worden opgeslagen onder een code, zonder je naam. ' +
      'Je kunt altijd stoppen via de link in je uitnodiging; je antwoorden worden dan gewist.',
    en:
      'Taking part is voluntary. Your answers are stored under a code, without your name. ' +
      'You can stop at any time through the link in your invitation; your answers are then erased.',
  },
  cohorts: ['Utrecht', 'Rotterdam'],
  timepoints: [
    {
      key: 'baseline',
      kind: 'baseline' as TimepointKind,
      offsetDays: 0,
      label: { nl: 'Begin', en: 'Baseline' },
      instruments: [instrument('phq-9'), instrument('gad-7')],
    },
    {
      key: 'session',
      kind: 'session' as TimepointKind,
      offsetDays: null,
      label: { nl: 'Na elke sessie', en: 'After each session' },
      instruments: [
        instrument('klik-checkin'),
        instrument('klik-alliance'),
        instrument('klik-disclosure'),
        instrument('klik-session-log', 'practitioner'),
      ],
    },
    {
      key: 'end',
      kind: 'end' as TimepointKind,
      offsetDays: 84,
      label: { nl: 'Einde traject', en: 'End of treatment' },
      instruments: [instrument('phq-9'), instrument('gad-7'), instrument('klik-alliance')],
    },
    {
      key: 'follow-up',
      kind: 'follow_up' as TimepointKind,
      offsetDays: 182,
      label: { nl: 'Follow-up na 6 maanden', en: 'Six-month follow-up' },
      instruments: [instrument('phq-9'), instrument('gad-7')],
    },
  ],
  participantsPerCohort: 6,
};

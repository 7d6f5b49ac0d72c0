import type { Study } from '../api/types';
import type { Cohort, ConsentVersion, InstrumentSummary, Protocol, StaffMember } from './setup-api';

// Checked-in data for the set-up specs.

export const draftStudy: Study = {
  id: 's-9',
  title: { nl: 'Pilot: check-in', en: 'Pilot: check-in' },
  description: { nl: 'Een korte pilot.', en: 'A short pilot.' },
  formOfAddress: 'je',
  safetyContactUserId: null,
  safetyHelpText: {
    nl: 'Heb je het moeilijk? Bel 113 of gratis 0800-0113. Bij direct gevaar: bel 112.',
    en: 'Having a hard time? Call 113, or 0800-0113 free of charge. In immediate danger: call 112.',
  },
  safetyRequired: true,
  status: 'draft',
  languages: ['nl', 'en'],
  withdrawalPolicy: 'erase_responses',
  ownerInstitutionId: 'inst-a',
  owned: true,
  currentConsentVersion: 1,
  createdAt: '2026-11-02T16:00:00.000Z',
  updatedAt: '2026-11-02T16:00:00.000Z',
};

export const setupCohorts: Cohort[] = [
  {
    id: 'c-1',
    studyId: 's-9',
    name: 'Utrecht',
    institutionId: 'inst-a',
    institutionName: 'Demo GGZ Utrecht',
    createdAt: '2026-11-02T16:01:00.000Z',
  },
];

export const consentVersions: ConsentVersion[] = [
  {
    id: 'cv-1',
    version: 1,
    text: { nl: 'Ik doe vrijwillig mee.', en: 'I take part voluntarily.' },
    createdAt: '2026-11-02T16:02:00.000Z',
  },
];

export const setupProtocol: Protocol = {
  studyId: 's-9',
  timepoints: [
    {
      id: 'tp-1',
      key: 'baseline',
      position: 1,
      label: { nl: 'Voormeting', en: 'Baseline' },
      kind: 'baseline',
      offsetDays: 0,
      instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
    },
  ],
};

export const catalog: InstrumentSummary[] = [
  {
    id: 'phq-9',
    version: '1.0.0',
    name: 'PHQ-9',
    respondent: 'client',
    languages: ['nl', 'en'],
    licence: 'public-domain',
    usable: true,
  },
  {
    id: 'klik-session-log',
    version: '1.0.0',
    name: 'Klik session log',
    respondent: 'practitioner',
    languages: ['nl', 'en'],
    licence: 'CC-BY-4.0',
    usable: true,
  },
  {
    id: 'wai-sr',
    version: '1.0.0',
    name: 'WAI-SR',
    respondent: 'client',
    languages: ['nl', 'en'],
    licence: 'proprietary',
    usable: false,
  },
];

/** The institution's staff (GET /api/users): who may be named safety contact. */
export const staff: StaffMember[] = [
  {
    userId: 'u-1',
    email: 'researcher@demo.klik',
    displayName: 'Dana de Vries',
    status: 'active',
    role: 'researcher',
  },
  {
    userId: 'u-2',
    email: 'anna@demo.klik',
    displayName: 'Anna de Boer',
    status: 'active',
    role: 'practitioner',
  },
  { userId: 'u-3', email: 'old@demo.klik', displayName: 'Oud Lid', status: 'disabled', role: 'practitioner' },
];

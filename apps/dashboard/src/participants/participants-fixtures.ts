import type { Study } from '../api/types';
import type { Cohort, Protocol } from '../setup/setup-api';
import type { Invitation, Member, Participant } from './participants-api';

// Checked-in data for the participant screens' specs.

export const recruitingStudy: Study = {
  id: 's-1',
  title: { nl: 'Alliantie en openheid', en: 'Alliance and disclosure' },
  description: {},
  formOfAddress: 'je',
  safetyContactUserId: null,
  safetyHelpText: {},
  safetyRequired: false,
  status: 'recruiting',
  languages: ['nl', 'en'],
  withdrawalPolicy: 'erase_responses',
  ownerInstitutionId: 'inst-a',
  owned: true,
  currentConsentVersion: 1,
  createdAt: '2026-03-14T09:30:00.000Z',
};

export const cohorts: Cohort[] = [
  {
    id: 'c-1',
    studyId: 's-1',
    name: 'Utrecht',
    institutionId: 'inst-a',
    institutionName: 'Demo GGZ',
    createdAt: '2026-03-14T09:30:00.000Z',
  },
  {
    id: 'c-2',
    studyId: 's-1',
    name: 'Zeist',
    institutionId: 'inst-a',
    institutionName: 'Demo GGZ',
    createdAt: '2026-03-14T09:31:00.000Z',
  },
];

export const protocol: Protocol = {
  studyId: 's-1',
  timepoints: [
    {
      id: 'tp-base',
      key: 'baseline',
      position: 1,
      label: { nl: 'Voormeting', en: 'Baseline' },
      kind: 'baseline',
      offsetDays: 0,
      instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
    },
    {
      id: 'tp-session',
      key: 'session',
      position: 2,
      label: { nl: 'Sessie', en: 'Session' },
      kind: 'session',
      offsetDays: null,
      instruments: [{ instrumentId: 'klik-alliance', instrumentVersion: '1.0.0', respondent: 'client' }],
    },
  ],
};

export const practitioners: Member[] = [
  {
    userId: 'u-anna',
    email: 'anna@demo.test',
    displayName: 'Anna Bakker',
    status: 'active',
    role: 'practitioner',
  },
];

export const participants: Participant[] = [
  {
    id: 'p-1',
    studyId: 's-1',
    cohortId: 'c-1',
    code: 'KLIK-0001',
    practitionerId: 'u-anna',
    status: 'active',
    enrolledAt: '2026-04-01T10:00:00.000Z',
  },
  {
    id: 'p-2',
    studyId: 's-1',
    cohortId: 'c-2',
    code: 'KLIK-0002',
    practitionerId: null,
    status: 'withdrawn',
    enrolledAt: '2026-04-02T10:00:00.000Z',
  },
];

export const invitations: Invitation[] = [
  {
    id: 'i-1',
    participantId: 'p-1',
    timepointId: 'tp-base',
    sessionNumber: null,
    status: 'open',
    expiresAt: '2026-05-01T10:00:00.000Z',
    createdAt: '2026-04-01T10:00:00.000Z',
  },
];

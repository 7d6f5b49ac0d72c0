import type { Membership, Session, Study } from '../api/types';

const researcherMembership: Membership = {
  institutionId: 'inst-a',
  institutionName: 'Demo GGZ Utrecht',
  role: 'researcher',
};

export const researcherSession: Session = {
  user: { id: 'u-1', email: 'researcher@demo.klik', displayName: 'Dana de Vries' },
  memberships: [
    researcherMembership,
    { institutionId: 'inst-b', institutionName: 'Praktijk Noord', role: 'institution_admin' },
  ],
  activeInstitutionId: 'inst-a',
};

export const singleMembershipSession: Session = {
  ...researcherSession,
  memberships: [researcherMembership],
};

export const studies: Study[] = [
  {
    id: 's-1',
    title: {
      nl: 'Alliantie en openheid in de ambulante zorg',
      en: 'Alliance and disclosure in outpatient care',
    },
    description: {
      nl: 'Alliantie en ervaren zelfonthulling per sessie.',
      en: 'Session-by-session alliance and perceived self-disclosure.',
    },
    formOfAddress: 'je',
    status: 'recruiting',
    languages: ['nl', 'en'],
    ownerInstitutionId: 'inst-a',
    createdAt: '2026-03-14T09:30:00.000Z',
  },
  {
    id: 's-2',
    // Dutch only: the English interface shows the Dutch title (the study's first language).
    title: { nl: 'Pilot: check-in-vragenlijst' },
    description: {},
    formOfAddress: 'u',
    status: 'draft',
    languages: ['nl'],
    ownerInstitutionId: 'inst-a',
    createdAt: '2026-11-02T16:00:00.000Z',
  },
];

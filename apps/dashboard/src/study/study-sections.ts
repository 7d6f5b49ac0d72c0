import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n';
import type { StudySectionProps } from './section-props';

export const SECTION_KEYS = [
  'setup',
  'participants',
  'monitoring',
  'outbox',
  'analyses',
  'comparison',
  'exports',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface StudySection {
  key: SectionKey;
  titleKey: MessageKey;
  /** Who sees the section in the navigation (the API enforces access on its own). */
  roles: readonly Role[];
  /** Loaded on first visit, so each section (and e.g. D3) is its own chunk. */
  component: LazyExoticComponent<ComponentType<StudySectionProps>>;
}

const STAFF: readonly Role[] = ['institution_admin', 'researcher', 'practitioner'];
const RESEARCH: readonly Role[] = ['institution_admin', 'researcher'];

/** The sections of a study's workspace, in navigation order. */
export const STUDY_SECTIONS: readonly StudySection[] = [
  {
    key: 'setup',
    titleKey: 'setup.title',
    roles: RESEARCH,
    component: lazy(() => import('../setup/setup-section').then((m) => ({ default: m.SetupSection }))),
  },
  {
    key: 'participants',
    titleKey: 'participants.title',
    roles: STAFF,
    component: lazy(() =>
      import('../participants/participants-section').then((m) => ({ default: m.ParticipantsSection })),
    ),
  },
  {
    key: 'monitoring',
    titleKey: 'monitoring.title',
    roles: STAFF,
    component: lazy(() =>
      import('../monitoring/monitoring-section').then((m) => ({ default: m.MonitoringSection })),
    ),
  },
  {
    key: 'outbox',
    titleKey: 'outbox.title',
    roles: RESEARCH,
    component: lazy(() => import('../outbox/outbox-section').then((m) => ({ default: m.OutboxSection }))),
  },
  {
    key: 'analyses',
    titleKey: 'analyses.title',
    roles: STAFF,
    component: lazy(() => import('../analyses/analyses-section').then((m) => ({ default: m.AnalysesSection }))),
  },
  {
    key: 'comparison',
    titleKey: 'comparison.title',
    roles: STAFF,
    component: lazy(() =>
      import('../comparison/comparison-section').then((m) => ({ default: m.ComparisonSection })),
    ),
  },
  {
    key: 'exports',
    titleKey: 'exports.title',
    roles: RESEARCH,
    component: lazy(() => import('../exports/exports-section').then((m) => ({ default: m.ExportsSection }))),
  },
];

export function sectionsFor(role: Role): readonly StudySection[] {
  return STUDY_SECTIONS.filter((section) => section.roles.includes(role));
}

/** The section a study opens on: analyses for everyone (practitioners see their own clients there). */
export const DEFAULT_SECTION: SectionKey = 'analyses';

export interface StudyRoute {
  studyId: string;
  section: string | null;
}

/** `/studies/<id>` and `/studies/<id>/<section>`; `/studies/new` is not a study. */
export function parseStudyPath(pathname: string): StudyRoute | null {
  const match = /^\/studies\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match || match[1] === 'new') return null;
  return { studyId: decodeURIComponent(match[1]), section: match[2] ?? null };
}

export const studyPath = (studyId: string, section?: SectionKey) =>
  `/studies/${encodeURIComponent(studyId)}${section ? `/${section}` : ''}`;

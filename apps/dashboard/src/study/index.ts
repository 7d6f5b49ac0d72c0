export { StudyWorkspace } from './study-workspace';
export { parseStudyPath, studyPath, STUDY_SECTIONS, sectionsFor, type SectionKey } from './study-sections';
export type { StudySectionProps } from './section-props';

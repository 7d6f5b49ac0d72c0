export { StudiesContainer, type StudiesContainerProps } from './studies-container';
export { StudiesPage, type StudiesPageProps } from './studies-page';
export { StudyList, type StudyListProps } from './study-list';
export { studyText, studyTitle, type ShownText } from './study-text';
export { StudyTextView } from './study-text-view';

export { StudiesContainer, type StudiesContainerProps } from './studies-container';
export { StudiesPage, type StudiesPageProps } from './studies-page';
export { StudyList, type StudyListProps } from './study-list';

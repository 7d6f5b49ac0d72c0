export * from './cohens-kappa';

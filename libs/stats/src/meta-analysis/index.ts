export * from './meta-analysis-correlations';

/**
 * @klik/stats — statistics for alliance research, pure TypeScript.
 * Missing-data and too-little-data policy: see ./internal/data-policy.ts and the README.
 */

// Shared types and policy
export type { MaybeNumber } from './internal/data-policy';
export type { Alternative, TestOptions } from './internal/options';

// Distributions (from @stdlib; tails computed directly)
export * from './distributions';

// Descriptive statistics
export * from './descriptive';

// Correlation
export * from './correlation';

// Effect sizes
export * from './effect-size';

// Group comparison
export * from './group-comparison';

// Mergeable summaries
export * from './summaries';

// Reliability
export * from './reliability';

// Scale validation: item statistics, parallel analysis, exploratory factor analysis (minres, ML, oblimin),
// omega hierarchical
export * from './scale-validation';

// Agreement
export * from './agreement';

// Meta-analysis
export * from './meta-analysis';

// Reliable and clinically significant change
export * from './change';

// Resampling (seeded generator, bootstrap)
export * from './resampling';

// Simple linear regression and its confidence band
export * from './regression';

// Mixed models
export * from './mixed-model';

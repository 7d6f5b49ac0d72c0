/**
 * @klik/stats — statistics for alliance research, pure TypeScript.
 * Missing-data and too-little-data policy: see ./internal/data-policy.ts and the README.
 */

// Shared types and policy
export type { MaybeNumber } from './internal/data-policy';
export type { Alternative, TestOptions } from './internal/options';

// Distributions (from @stdlib; tails computed directly)
export * from './distributions';

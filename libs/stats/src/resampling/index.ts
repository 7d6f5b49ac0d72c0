export * from './random';
export * from './bootstrap-confidence-interval';

export * from './random';
export * from './normal-deviate';
export * from './bootstrap-confidence-interval';

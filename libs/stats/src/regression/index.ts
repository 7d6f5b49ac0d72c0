export * from './linear-regression';
export * from './confidence-band';

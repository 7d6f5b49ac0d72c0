export * from './linear-mixed-model';
export * from './mixed-model-trajectory';

export { reliableChange } from './reliable-change';
export type { ReliableChangeOptions, ReliableChangeResult, ScoreDirection } from './reliable-change';
export * from './clinical-significance';

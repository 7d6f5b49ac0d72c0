// jstat ships no type declarations; the benchmark uses these three functions only.
declare module 'jstat' {
  export const jStat: {
    corrcoeff(x: number[], y: number[]): number;
    spearmancoeff(x: number[], y: number[]): number;
  };
}

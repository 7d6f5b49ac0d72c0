// The @stdlib packages ship their own types in docs/types; these short declarations keep the build independent
// of how each package exposes them.
declare module '@stdlib/stats-base-dists-normal-cdf' {
  export default function cdf(x: number, mu: number, sigma: number): number;
}
declare module '@stdlib/stats-base-dists-normal-quantile' {
  export default function quantile(p: number, mu: number, sigma: number): number;
}
declare module '@stdlib/stats-base-dists-t-cdf' {
  export default function cdf(x: number, v: number): number;
}
declare module '@stdlib/stats-base-dists-t-quantile' {
  export default function quantile(p: number, v: number): number;
}
declare module '@stdlib/stats-base-dists-f-quantile' {
  export default function quantile(p: number, d1: number, d2: number): number;
}
declare module '@stdlib/stats-base-dists-chisquare-quantile' {
  export default function quantile(p: number, k: number): number;
}
declare module '@stdlib/math-base-special-betainc' {
  export default function betainc(x: number, a: number, b: number, regularized?: boolean, upper?: boolean): number;
}
declare module '@stdlib/math-base-special-gammainc' {
  export default function gammainc(x: number, s: number, regularized?: boolean, upper?: boolean): number;
}

/** Stirling series of ln Gamma(z) without its leading terms: sum B_2k / (2k (2k - 1) z^(2k - 1)), five terms. */
function stirlingTail(z: number): number {
  const inverse = 1 / z;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square * (1 / 1680 - square / 1188))));
}

/**
 * Hedges' exact small-sample correction J(df) = Gamma(df / 2) / (sqrt(df / 2) Gamma((df - 1) / 2)) (Hedges 1981),
 * computed without cancellation: with m = df / 2 shifted up to at least 20 by the recurrence of Gamma,
 * ln(Gamma(M) / (sqrt(M) Gamma(M - 1/2))) = -(M - 1) log1p(-1 / (2M)) - 1/2 + tail(M) - tail(M - 1/2), where tail
 * is the Stirling series (truncation error below 1e-17 for M >= 20). Relative error about 1e-15 for every df > 1.
 * O(1) (at most 20 recurrence steps).
 */
export function smallSampleCorrection(df: number): number {
  if (!(df > 1)) return NaN;
  if (df === Infinity) return 1;
  const m = df / 2;
  let shifted = m;
  let product = 1;
  while (shifted < 20) {
    product *= (shifted - 0.5) / shifted;
    shifted += 1;
  }
  const logJ =
    -(shifted - 1) * Math.log1p(-1 / (2 * shifted)) -
    0.5 +
    stirlingTail(shifted) -
    stirlingTail(shifted - 0.5);
  return Math.exp(logJ) * product * Math.sqrt(shifted / m);
}

/** Reader of the NIST StRD univariate data files copied into test/nist (see test/nist/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NistUnivariate {
  name: string;
  values: number[];
  certified: { mean: number; standardDeviation: number; lagOneAutocorrelation: number };
}

function certifiedValue(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match) throw new Error(`certified value ${pattern.source} missing`);
  return Number(match[1]);
}

/** Reads one StRD univariate file: its certified values and its data (every number after the "Data: Y" header). */
export function readNist(name: string): NistUnivariate {
  const text = readFileSync(join(__dirname, 'nist', `${name}.dat`), 'utf8');
  const lines = text.split('\n');
  const header = lines.findIndex((line) => /^Data:\s+Y/.test(line.trim()));
  const values = lines
    .slice(header + 1)
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((token) => /^[-+]?\d/.test(token))
    .map(Number);
  return {
    name,
    values,
    certified: {
      mean: certifiedValue(text, /Sample Mean\s*(?:ybar)?:\s*(\S+)/),
      standardDeviation: certifiedValue(
        text,
        /Sample Standard Deviation \(denom\. = n-1\)\s*(?:s)?:\s*(\S+)/,
      ),
      lagOneAutocorrelation: certifiedValue(text, /r\(1\):\s*(\S+)/),
    },
  };
}

/** Log relative error: the number of correct significant digits, capped at 15. */
export function correctDigits(actual: number, certified: number): number {
  if (actual === certified) return 15;
  const error = certified === 0 ? Math.abs(actual) : Math.abs(actual - certified) / Math.abs(certified);
  return Math.min(15, -Math.log10(error));
}

/** Exact integer image of a double: value * 2^80 (exact for the magnitudes of the StRD data). */
function scaled(value: number): bigint {
  const image = value * 2 ** 80;
  if (!Number.isInteger(image)) throw new Error(`value ${value} not representable at scale 2^80`);
  return BigInt(image);
}

/** a / b for big integers, to double precision (through a 2^200 fixed-point quotient). */
function ratio(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n;
  const absolute = (value: bigint) => (value < 0n ? -value : value);
  const quotient = (absolute(numerator) << 200n) / absolute(denominator);
  return (negative ? -1 : 1) * (Number(quotient >> 100n) / 2 ** 100);
}

/**
 * The exact sample standard deviation and lag-1 autocorrelation of the data as stored in doubles, in rational
 * arithmetic on big integers (no rounding until the final conversion). They show how many digits of the certified
 * (decimal) values any double-precision method can reach: the ceiling of each data set.
 */
export function exactStatistics(values: readonly number[]): {
  standardDeviation: number;
  lagOneAutocorrelation: number;
} {
  const n = BigInt(values.length);
  const images = values.map(scaled);
  const total = images.reduce((sum, value) => sum + value, 0n);
  // n * (x_i - mean), scaled by 2^80.
  const deviations = images.map((value) => n * value - total);
  let squares = 0n;
  let lagged = 0n;
  deviations.forEach((deviation, index) => {
    squares += deviation * deviation;
    if (index > 0) lagged += deviation * deviations[index - 1];
  });
  const variance = ratio(squares, n * n * (n - 1n) * 2n ** 160n);
  return { standardDeviation: Math.sqrt(variance), lagOneAutocorrelation: ratio(lagged, squares) };
}

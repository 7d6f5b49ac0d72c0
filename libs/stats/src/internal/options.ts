/** Direction of the alternative hypothesis, as R's `alternative` argument. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Options shared by the hypothesis tests of the library. */
export interface TestOptions {
  /** Alternative hypothesis; default `'two-sided'`. */
  alternative?: Alternative;
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

/** Resolves the shared test options and validates the confidence level. */
export function resolveTestOptions(functionName: string, options: TestOptions = {}): Required<TestOptions> {
  const alternative = options.alternative ?? 'two-sided';
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`${functionName} requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`);
  }
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new RangeError(`${functionName} got an unknown alternative '${String(alternative)}'`);
  }
  return { alternative, confidenceLevel };
}

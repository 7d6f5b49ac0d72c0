// Label space without measuring text in the DOM (not possible before render, nor in jsdom): an average
// glyph width of system sans-serif fonts, generous enough that real labels fit.
const AVERAGE_GLYPH_WIDTH = 0.6;

/** Approximate rendered width of `text` in pixels at `fontSize`. */
export function estimateTextWidth(text: string, fontSize = 11): number {
  return [...text].length * fontSize * AVERAGE_GLYPH_WIDTH;
}

/** `text` cut to at most `maxChars` characters, ending in an ellipsis when cut. */
export function truncateLabel(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars
    ? text
    : `${chars
        .slice(0, Math.max(1, maxChars - 1))
        .join('')
        .trimEnd()}…`;
}

/** Left margin that fits the longest of `labels` (after truncation to `maxChars`), within [min, max]. */
export function labelMargin(
  labels: readonly string[],
  options: { maxChars: number; min: number; max: number; fontSize?: number },
): number {
  const widest = Math.max(
    0,
    ...labels.map((label) => estimateTextWidth(truncateLabel(label, options.maxChars), options.fontSize)),
  );
  return Math.round(Math.min(options.max, Math.max(options.min, widest + 16)));
}

import { useId } from 'react';

/** A document-unique id safe inside `url(#…)` and `aria-labelledby` (React's own ids contain punctuation). */
export function useChartId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

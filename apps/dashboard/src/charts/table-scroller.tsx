import type { ReactNode } from 'react';

/**
 * Wraps a wide table so it scrolls sideways on a phone. The box is focusable (and named) so keyboard users can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroller({ label, id, children }: { label: string; id?: string; children: ReactNode }) {
  return (
    <div className="chart-table-wrapper" id={id} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

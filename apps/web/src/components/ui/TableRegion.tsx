import type { ReactNode } from 'react';

/**
 * Wide tables scroll inside this region on small screens instead of the whole page;
 * the region is focusable so keyboard users can scroll it too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-table-responsive table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

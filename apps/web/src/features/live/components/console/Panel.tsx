import type { ReactNode } from 'react';

/** One panel of the console: a section named by its heading. */
export function Panel({ id, title, children, wide }: { id: string; title: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? 'live-panel live-panel--wide' : 'live-panel'} aria-labelledby={`${id}-title`}>
      <h2 className="kern-heading-small" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

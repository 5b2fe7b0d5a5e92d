import type { ReactNode } from 'react';

interface SectionProps {
  id: string;
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  /** Boxed sections separate independent forms on one page (e.g. the account page). */
  boxed?: boolean;
}

export function Section({ id, title, intro, children, boxed = false }: SectionProps) {
  return (
    <section className={boxed ? 'section section--boxed' : 'section'} aria-labelledby={`${id}-title`}>
      <h2 className="kern-heading-medium section__title" id={`${id}-title`}>
        {title}
      </h2>
      {intro ? <p className="kern-body section__intro">{intro}</p> : null}
      {children}
    </section>
  );
}

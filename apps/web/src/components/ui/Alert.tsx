import type { ReactNode } from 'react';

export type AlertVariant = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  variant: AlertVariant;
  title: ReactNode;
  children?: ReactNode;
  /** status for news that can wait, alert for urgent problems; omit for static notes. */
  role?: 'status' | 'alert';
  /** Heading level of the title when it introduces a section (e.g. the error summary). */
  headingLevel?: 2 | 3;
}

export function Alert({ variant, title, children, role, headingLevel }: AlertProps) {
  const Title = headingLevel ? (`h${headingLevel}` as const) : 'p';
  return (
    <div className={`kern-alert kern-alert--${variant} app-alert`} role={role}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
        <Title className="kern-title">{title}</Title>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

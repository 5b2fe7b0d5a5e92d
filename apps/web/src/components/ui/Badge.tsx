import type { ReactNode } from 'react';

interface BadgeProps {
  variant: 'info' | 'success' | 'warning' | 'danger';
  children: ReactNode;
}

export function Badge({ variant, children }: BadgeProps) {
  return (
    <span className={`kern-badge kern-badge--${variant} kern-badge--small`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

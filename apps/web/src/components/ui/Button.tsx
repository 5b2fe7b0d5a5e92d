import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

type Variant = 'primary' | 'secondary' | 'tertiary';

function classes(variant: Variant, block?: boolean, small?: boolean): string {
  return ['kern-btn', `kern-btn--${variant}`, block && 'kern-btn--block', small && 'kern-btn--x-small'].filter(Boolean).join(' ');
}

function Content({ icon, children }: { icon?: string; children: ReactNode }) {
  return (
    <>
      {icon ? <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" /> : null}
      <span className="kern-label">{children}</span>
    </>
  );
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  icon?: string;
  block?: boolean;
  small?: boolean;
  /** Keeps the button focusable while a request runs, and says so to assistive technology. */
  busy?: boolean;
}

export function Button({ variant = 'primary', icon, block, small, busy, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes(variant, block, small)}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={busy ? (event) => event.preventDefault() : rest.onClick}
    >
      <Content icon={icon}>{children}</Content>
    </button>
  );
}

interface ButtonLinkProps extends LinkProps {
  variant?: Variant;
  icon?: string;
  small?: boolean;
}

export function ButtonLink({ variant = 'secondary', icon, small, children, ...rest }: ButtonLinkProps) {
  return (
    <Link {...rest} className={classes(variant, false, small)}>
      <Content icon={icon}>{children as ReactNode}</Content>
    </Link>
  );
}

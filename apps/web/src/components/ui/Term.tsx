import type { ExplanationKey } from '@app/shared';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplanations } from '../../lib/glossary';
import './term.css';

interface TermToggleProps {
  /** The glossary entry that explains the term. */
  name: ExplanationKey;
  /** The term as the page shows it, as plain text: it names the button ("Was heißt Projekttyp?"). */
  label: string;
  /** What the button sticks to: it never starts a line on its own (Term passes the term's last word). */
  before?: ReactNode;
}

/**
 * The button and the explanation of a term shown elsewhere (e.g. a form field's label): a disclosure
 * (aria-expanded, aria-controls) whose explanation opens in place, inline after the button, never as
 * a hover tooltip. Focus stays on the button; Escape closes the explanation and keeps focus there.
 */
export function TermToggle({ name, label, before }: TermToggleProps) {
  const { t } = useTranslation();
  const explanations = useExplanations();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = `${useId()}-term`;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'Escape' || !open) return;
    // Only this explanation closes; a dialog or menu around it stays open.
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  const text = explanations.data?.[name] ?? (explanations.isError ? t('common.loadFailed') : t('common.loading'));
  return (
    <>
      <span className="term__end">
        {before}
        <button
          ref={button}
          type="button"
          className="term__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          data-term={name}
          onClick={() => setOpen((value) => !value)}
          onKeyDown={onKeyDown}
        >
          <span className="kern-icon kern-icon--help" aria-hidden="true" />
          <span className="kern-sr-only">{t('term.whatIs', { term: label })}</span>
        </button>
      </span>
      <span className="term__panel" id={panelId} hidden={!open}>
        {text}
      </span>
    </>
  );
}

interface TermProps {
  name: ExplanationKey;
  /** What the page shows for the term (text, a badge …); by default the term's name in the UI language. */
  children?: ReactNode;
  /** The term as plain text when `children` is not text (a badge); names the button. */
  label?: string;
}

/** A hard term, visible as it is, with its short explanation to open in place right after it. */
export function Term({ name, children, label }: TermProps) {
  const { t } = useTranslation();
  const shown = children ?? t(`terms.${name}`);
  // A text term wraps like text, but its last word and the button stay on one line.
  const cut = typeof shown === 'string' ? shown.lastIndexOf(' ') + 1 : 0;
  const text = typeof shown === 'string' ? shown : null;
  return (
    <span className="term">
      {text?.slice(0, cut)}
      <TermToggle name={name} label={label ?? text ?? t(`terms.${name}`)} before={text ? text.slice(cut) : shown} />
    </span>
  );
}

/** Several terms in one line, introduced as explained terms ("Begriffe erklärt: …"). */
export function TermList({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`kern-body term-list ${className}`.trim()}>
      <span className="term-list__label">{t('term.listLabel')}</span> {children}
    </p>
  );
}

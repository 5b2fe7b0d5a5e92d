import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ConsoleSectionId } from './ConsoleContext';

export interface ConsoleSection {
  id: ConsoleSectionId;
  label: string;
  /** A number shown on the tab (waiting proposals, speakers in the queue …); null: none. */
  count: number | null;
  /** What the number means, for screen readers (e.g. "3 warten"). */
  countLabel?: string;
  content: ReactNode;
}

/**
 * The console's sections as WAI-ARIA tabs: arrow keys move between tabs (and show them), Home and End
 * jump to the first and last; every panel stays mounted, so half-typed forms survive a switch.
 */
export function ConsoleTabs({
  sections,
  active,
  onSelect,
  label,
  header,
}: {
  /** Shown above the tabs, sticking with them to the top of the window. */
  header: ReactNode;
  sections: ConsoleSection[];
  active: ConsoleSectionId;
  onSelect: (id: ConsoleSectionId) => void;
  label: string;
}) {
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const top = useRef<HTMLDivElement>(null);
  const shown = useRef(active);
  // A section chosen while the page is scrolled starts right below the sticky tabs, not behind them.
  useLayoutEffect(() => {
    if (shown.current === active) return;
    shown.current = active;
    const panel = document.getElementById(`console-section-${active}`);
    if (!panel || !top.current) return;
    const hidden = top.current.getBoundingClientRect().bottom - panel.getBoundingClientRect().top;
    // At once, not smoothly (the design system scrolls smoothly): the section is in place when the tab shows it.
    if (hidden > 0) window.scrollBy({ top: -hidden, behavior: 'instant' });
  }, [active]);
  const select = (index: number) => {
    const section = sections[(index + sections.length) % sections.length];
    onSelect(section.id);
    tabs.current[section.id]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const next = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (next !== undefined) select(index + next);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(sections.length - 1);
    else return;
    event.preventDefault();
  };
  return (
    <>
      <div className="live-console__top" ref={top}>
        {header}
        <div className="live-tabs" role="tablist" aria-label={label}>
          {sections.map((section, index) => {
            const selected = section.id === active;
            return (
              <button
                key={section.id}
                ref={(element) => {
                  tabs.current[section.id] = element;
                }}
                type="button"
                role="tab"
                id={`console-tab-${section.id}`}
                className="live-tabs__tab"
                aria-selected={selected}
                aria-controls={`console-section-${section.id}`}
                tabIndex={selected ? 0 : -1}
                onClick={() => onSelect(section.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                {section.label}
                {section.count ? (
                  <span className="live-tabs__count">
                    <span aria-hidden="true">{section.count}</span>
                    <span className="live-sr-only">{section.countLabel ?? section.count}</span>
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
      </div>
      {sections.map((section) => (
        <div
          key={section.id}
          role="tabpanel"
          id={`console-section-${section.id}`}
          className="live-console__section"
          aria-labelledby={`console-tab-${section.id}`}
          tabIndex={-1}
          hidden={section.id !== active}
        >
          {section.content}
        </div>
      ))}
    </>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface PageProps {
  /** Visible h1 and first part of the document title. */
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  /** Wider pages (tables) use the full container; text pages keep a readable measure. */
  wide?: boolean;
  /** The title is people's own words (a proposal's, an assembly's): its direction follows its text, not the page's language. */
  userTitle?: boolean;
  /** The language the title is written in, when known (a proposal's). */
  titleLang?: string;
}

/**
 * Every route renders exactly one Page: it owns the h1, sets the document title and moves
 * focus to the h1 after in-app navigation so screen reader users hear where they arrived.
 */
export function Page({ title, lead, children, wide = false, userTitle = false, titleLang }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    // "default" is the key of the first page load; there the skip link should come first.
    // Only path changes count: in-page anchors (#section) and filter changes (?q=) keep focus.
    if (location.key !== 'default') headingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <div className="page__header">
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="kern-heading-x-large page__title"
          dir={userTitle ? 'auto' : undefined}
          lang={titleLang}
        >
          {title}
        </h1>
        {lead ? <p className="kern-body kern-body--large page__lead">{lead}</p> : null}
      </div>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { RichText } from './RichText';

/** One section of a legal text as stored in the locale files. */
export interface LegalSection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
}

interface LegalDocumentProps {
  /** Locale key holding { title, lead, sections[] }. */
  sections: LegalSection[];
  /** Shown when the text still contains [[placeholders]] the city must replace. */
  hasPlaceholders?: boolean;
  /**
   * The table of contents, labelled in the interface language; off for a text that must stay in one
   * language whatever the interface speaks (the Leichte Sprache page).
   */
  toc?: boolean;
  children?: ReactNode;
}

function slug(index: number): string {
  return `legal-section-${index + 1}`;
}

/** Renders a legal or explaining text (privacy, imprint, accessibility, Leichte Sprache) in sections, with a table of contents. */
export function LegalDocument({ sections, hasPlaceholders = false, toc = true, children }: LegalDocumentProps) {
  const { t } = useTranslation();
  return (
    <div className="legal">
      {hasPlaceholders ? (
        <Alert variant="warning" title={t('legal.placeholderTitle')}>
          <p className="kern-body">{t('legal.placeholderText')}</p>
        </Alert>
      ) : null}
      {toc ? (
        <nav className="toc" aria-label={t('legal.tocLabel')}>
          <ol className="kern-list kern-list--number">
            {sections.map((section, index) => (
              <li key={section.heading}>
                <a className="kern-link" href={`#${slug(index)}`}>
                  {section.heading}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {sections.map((section, index) => (
        <section key={section.heading} className="section" aria-labelledby={slug(index)}>
          <h2 className="kern-heading-medium" id={slug(index)} tabIndex={-1}>
            {section.heading}
          </h2>
          {section.paragraphs?.map((paragraph) => (
            <p key={paragraph} className="kern-body">
              <RichText text={paragraph} />
            </p>
          ))}
          {section.items ? (
            <ul className="kern-list kern-list--bullet">
              {section.items.map((item) => (
                <li key={item}>
                  <RichText text={item} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {children}
    </div>
  );
}

/** Reads a section list from the locale files, with `values` for its {{placeholders}}; [] if the key is missing. */
export function useLegalSections(key: string, values?: Record<string, string | number>): LegalSection[] {
  const { t } = useTranslation();
  const value = t(key, { ...values, returnObjects: true }) as unknown;
  return Array.isArray(value) ? (value as LegalSection[]) : [];
}

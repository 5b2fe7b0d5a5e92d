import { Link } from 'react-router';
import { Page } from '../../components/ui/Page';
import texts from '../../content/leichte-sprache.json';

/**
 * BITV 2.0 § 4: the start page's explanations in Leichte Sprache (what the site offers, how to find
 * one's way, how accessible it is and where it is not yet). An original text in Leichte Sprache, the
 * same whatever the chosen language, declared German for screen readers.
 */
export function EasyReadRoute() {
  return (
    <div lang="de" dir="ltr">
      <Page title={texts.title} lead={texts.lead} titleLang="de">
        {texts.sections.map((section, index) => (
          <section key={section.heading} className="section easy-read" aria-labelledby={`easy-read-${index + 1}`}>
            <h2 className="kern-heading-medium" id={`easy-read-${index + 1}`}>
              {section.heading}
            </h2>
            {section.paragraphs?.map((paragraph) => (
              <p key={paragraph} className="kern-body">
                {paragraph}
              </p>
            ))}
            {section.items ? (
              <ul className="kern-list kern-list--bullet">
                {section.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        <p className="kern-body">
          <Link className="kern-link" to="/barrierefreiheit">
            Barriere-Freiheit
          </Link>
        </p>
      </Page>
    </div>
  );
}

import { Link } from 'react-router';
import { LegalDocument } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';
import texts from '../../content/leichte-sprache.json';

/**
 * BITV 2.0 § 4: the start page's explanations in Leichte Sprache (what the site offers, how to find
 * one's way, how accessible it is and where it is not yet). An original text in Leichte Sprache, the
 * same whatever the chosen language, declared German for screen readers; no table of contents, whose
 * label would be in the interface language.
 */
export function EasyReadRoute() {
  return (
    <div lang="de" dir="ltr">
      <Page title={texts.title} lead={texts.lead} titleLang="de">
        <LegalDocument sections={texts.sections} toc={false}>
          <p className="kern-body">
            <Link className="kern-link" to="/barrierefreiheit">
              Barriere-Freiheit
            </Link>
          </p>
        </LegalDocument>
      </Page>
    </div>
  );
}

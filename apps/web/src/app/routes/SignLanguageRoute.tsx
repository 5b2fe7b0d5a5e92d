import { Link } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import texts from '../../content/gebaerdensprache.json';

/**
 * BITV 2.0 § 4: the place for the city's video in Deutsche Gebärdensprache. Until the city has a
 * captioned video, the page says honestly that it is planned (no placeholder video).
 */
export function SignLanguageRoute() {
  return (
    <div lang="de" dir="ltr">
      <Page title={texts.title} lead={texts.lead} titleLang="de">
        <Alert variant="info" title={texts.planned} />
        <p className="kern-body">{texts.meanwhile}</p>
        <ul className="kern-list kern-list--bullet">
          <li>
            <Link className="kern-link" to="/leichte-sprache">
              {texts.easyRead}
            </Link>
          </li>
          <li>
            <Link className="kern-link" to="/barrierefreiheit">
              {texts.statement}
            </Link>
          </li>
        </ul>
      </Page>
    </div>
  );
}

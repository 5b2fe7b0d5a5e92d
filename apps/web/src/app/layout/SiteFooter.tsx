import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_LANGUAGE } from '@app/shared';
import { useLanguages } from '../../features/languages/api/languages';
import { currentLanguage } from '../../lib/i18n';

/** Until the city has checked a translation, every page says so in that language (German pages ask nothing). */
function TranslationNotice() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const languages = useLanguages(language !== DEFAULT_LANGUAGE);
  const status = languages.data?.find((entry) => entry.language === language);
  if (!status || status.reviewed) return null;
  return <p className="kern-body kern-body--small site-footer__translation">{t('footer.translationUnchecked')}</p>;
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="kern-container site-footer__inner">
        <div className="site-footer__about">
          <p className="kern-body kern-body--bold">{t('footer.title')}</p>
          <p className="kern-body kern-body--small">{t('footer.about')}</p>
        </div>
        <nav aria-label={t('footer.navLabel')}>
          <ul className="site-footer__links">
            <li>
              <Link className="kern-link" to="/barrierefreiheit">
                {t('footer.accessibility')}
              </Link>
            </li>
            <li>
              <Link className="kern-link" to="/impressum">
                {t('footer.imprint')}
              </Link>
            </li>
            <li>
              <Link className="kern-link" to="/datenschutz">
                {t('footer.privacy')}
              </Link>
            </li>
            {/* BITV 2.0 § 4: the offers in Leichter Sprache and Gebärdensprache keep their German names in every language. */}
            <li lang="de">
              <Link className="kern-link" to="/leichte-sprache">
                Leichte Sprache
              </Link>
            </li>
            <li lang="de">
              <Link className="kern-link" to="/gebaerdensprache">
                Gebärdensprache
              </Link>
            </li>
          </ul>
        </nav>
        <TranslationNotice />
        <p className="kern-body kern-body--small site-footer__legal">{t('footer.license')}</p>
      </div>
    </footer>
  );
}

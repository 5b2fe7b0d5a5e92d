import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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
          </ul>
        </nav>
        <p className="kern-body kern-body--small site-footer__legal">{t('footer.license')}</p>
      </div>
    </footer>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/ui/Page';
import { ADMIN_SECTIONS } from '../layout/admin-sections';

export function AdminHomeRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.title')} lead={t('admin.lead')} wide>
      <ul className="card-grid" role="list">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.id} className="kern-card kern-card--interactive">
            <div className="kern-card__container">
              <div className="kern-card__header">
                <h2 className="kern-title">
                  <Link className="kern-link kern-link--stretched" to={section.to}>
                    {t(`admin.${section.id}.title`)}
                  </Link>
                </h2>
              </div>
              <div className="kern-card__body">
                <p className="kern-body">{t(`admin.${section.id}.lead`)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}

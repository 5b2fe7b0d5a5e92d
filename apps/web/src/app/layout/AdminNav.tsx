import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ADMIN_SECTIONS } from './admin-sections';

/** Second-level navigation between the administration sections. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.navLabel')}>
      <ul className="admin-nav__list">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} className={({ isActive }) => `admin-nav__link${isActive ? ' is-active' : ''}`}>
              {t(`admin.${section.id}.title`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

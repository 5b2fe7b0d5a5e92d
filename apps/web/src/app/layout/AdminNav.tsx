import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const SECTIONS = [
  { to: '/admin/users', key: 'admin.users.title' },
  { to: '/admin/areas', key: 'admin.areas.title' },
  { to: '/admin/fields-of-action', key: 'admin.fields.title' },
] as const;

/** Second-level navigation between the administration sections. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.navLabel')}>
      <ul className="admin-nav__list">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} className={({ isActive }) => `admin-nav__link${isActive ? ' is-active' : ''}`}>
              {t(section.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/report', id: 'overview', end: true },
  { to: '/report/participation', id: 'participation', end: true },
  { to: '/open-data', id: 'openData', end: true },
] as const;

/** Links between the parts of the social report (Sozialbericht). */
export function ReportNav() {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav report-nav" aria-label={t('report.nav.label')}>
      <ul className="admin-nav__list">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className={({ isActive }) => `admin-nav__link${isActive ? ' is-active' : ''}`}>
              {t(`report.nav.${link.id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

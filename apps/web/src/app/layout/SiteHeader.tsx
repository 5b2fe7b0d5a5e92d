import { Role } from '@app/shared';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api/logout';
import { flash } from '../../lib/flash';
import { useSession } from '../../lib/session';
import { safeReturnPath, withReturnTo } from '../../lib/return-path';
import { LanguageSwitcher } from './LanguageSwitcher';

function navClass({ isActive }: { isActive: boolean }): string {
  return `site-nav__link${isActive ? ' is-active' : ''}`;
}

/** The German federal bar KERN prescribes for official sites, without its web component (CSP). */
function OfficialBar() {
  const { t } = useTranslation();
  return (
    <div className="kern-kopfzeile">
      <div className="kern-container">
        <div className="kern-kopfzeile__content">
          <span className="kern-kopfzeile__flagge" aria-hidden="true">
            <svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 16" width="24" height="16">
              <path fill="#000" d="M0 0h24v5.333H0z" />
              <path fill="#D00" d="M0 5.333h24v5.334H0z" />
              <path fill="#FFCE00" d="M0 10.667h24V16H0z" />
            </svg>
          </span>
          <span className="kern-kopfzeile__label">{t('header.official')}</span>
        </div>
      </div>
    </div>
  );
}

/** Pages after which signing in should not come back to them. */
const AUTH_PAGES = ['/login', '/register', '/forgot-password', '/reset-password', '/verify-email'];

/**
 * Brand, languages and navigation. On phones the languages and the navigation collapse behind one
 * menu button (a disclosure: the button says whether it is open, Escape closes it and returns focus),
 * so a page's content starts on the first screen.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  // Open for the page it was opened on: a followed link closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.key;
  const setMenuOpen = (open: boolean) => setMenuOpenAt(open ? location.key : null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const here = `${location.pathname}${location.search}`;
  // Signing in or registering from any page (e.g. /join/CODE in the hall) comes back to it; on the sign-in
  // and registration pages themselves the way back they already carry stays.
  const returnTo = AUTH_PAGES.some((page) => location.pathname.startsWith(page))
    ? safeReturnPath(new URLSearchParams(location.search).get('returnTo'))
    : here;
  const loginPath = withReturnTo('/login', returnTo);
  const registerPath = withReturnTo('/register', returnTo);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  async function signOut() {
    await logout().catch(() => undefined);
    navigate('/', { state: flash({ key: 'auth.logout.done' }) });
  }

  return (
    <header className={menuOpen ? 'site-header is-open' : 'site-header'} onKeyDown={closeOnEscape}>
      <OfficialBar />
      <div className="kern-container site-header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <button
          ref={menuButton}
          type="button"
          className="site-menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-languages site-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span className={`kern-icon kern-icon--${menuOpen ? 'close' : 'dehaze'}`} aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div className="site-header__languages" id="site-languages">
          <LanguageSwitcher />
        </div>
      </div>
      <nav className="site-nav" id="site-nav" aria-label={t('nav.mainLabel')}>
        <div className="kern-container site-nav__inner">
          <ul className="site-nav__list">
            <li>
              <NavLink to="/" end className={navClass}>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/proposals" end className={navClass}>
                {t('nav.proposals')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/assemblies" className={navClass}>
                {t('assemblies.nav')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/projects" className={navClass}>
                {t('projects.nav')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/fonds" className={navClass}>
                {t('nav.funds')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/report" className={navClass}>
                {t('nav.socialReport')}
              </NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/account" end className={navClass}>
                    {t('nav.account')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account/proposals" className={navClass}>
                    {t('nav.myProposals')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account/antraege" className={navClass}>
                    {t('nav.myApplications')}
                  </NavLink>
                </li>
                {user.role === Role.Moderator || user.role === Role.Administrator ? (
                  <li>
                    <NavLink to="/moderation" className={navClass}>
                      {t('nav.moderation')}
                    </NavLink>
                  </li>
                ) : null}
                {user.role === Role.Administrator ? (
                  <li>
                    <NavLink to="/admin" className={navClass}>
                      {t('nav.admin')}
                    </NavLink>
                  </li>
                ) : null}
              </>
            ) : null}
          </ul>
          <div className="site-nav__session">
            {user ? (
              <>
                <span className="site-nav__user">
                  <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
                  <span>
                    <span className="kern-sr-only">{t('nav.signedInAs')} </span>
                    {user.displayName}
                  </span>
                </span>
                <button type="button" className="site-nav__link site-nav__button" onClick={() => void signOut()}>
                  <span className="kern-icon kern-icon--logout" aria-hidden="true" />
                  {t('nav.logout')}
                </button>
              </>
            ) : (
              <>
                <NavLink to={loginPath} className={navClass}>
                  {t('nav.login')}
                </NavLink>
                <NavLink to={registerPath} className={navClass}>
                  {t('nav.register')}
                </NavLink>
              </>
            )}
          </div>
        </div>
      </nav>
    </header>
  );
}

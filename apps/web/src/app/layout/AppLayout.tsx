import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { useFlash } from '../../lib/flash';
import { translateMessage } from '../../lib/messages';
import { AccountLanguageSync } from './AccountLanguageSync';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // Handled here so the router does not treat "#main" as a navigation.
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

export function AppLayout() {
  const { t } = useTranslation();
  const flash = useFlash();
  const location = useLocation();
  const flashRef = useRef<HTMLDivElement>(null);
  const focusFlash = Boolean(flash?.focus);
  useEffect(() => {
    if (focusFlash) flashRef.current?.focus();
  }, [location.key, focusFlash]);
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('nav.skipToContent')}
      </a>
      <AccountLanguageSync />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="site-main">
        <div className="kern-container">
          <div role="status" className="flash" ref={flashRef} tabIndex={-1}>
            {flash ? <Alert variant={flash.variant} title={translateMessage(t, flash.flash)} /> : null}
          </div>
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}

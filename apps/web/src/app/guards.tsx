import type { Role } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ButtonLink } from '../components/ui/Button';
import { Page } from '../components/ui/Page';
import { Loading } from '../components/ui/QueryState';
import { flash } from '../lib/flash';
import { useSession } from '../lib/session';

/** Only same-site paths may be a return target; anything else would be an open redirect. */
export function safeReturnPath(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

export function RequireAuth() {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!user) {
    const returnTo = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?returnTo=${returnTo}`} replace state={flash({ key: 'auth.login.required' }, 'info')} />;
  }
  return <Outlet />;
}

export function RequireRole({ role }: { role: Role | Role[] }) {
  const { user } = useSession();
  const allowed = Array.isArray(role) ? role : [role];
  return user && allowed.includes(user.role) ? <Outlet /> : <ForbiddenPage />;
}

function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')} lead={t('forbidden.text')}>
      <p>
        <ButtonLink to="/" icon="home">
          {t('common.toHome')}
        </ButtonLink>
      </p>
    </Page>
  );
}

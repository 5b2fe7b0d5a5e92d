import { isSafeReturnPath, type Role } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ButtonLink } from '../components/ui/Button';
import { Page } from '../components/ui/Page';
import { Loading } from '../components/ui/QueryState';
import { flash } from '../lib/flash';
import { useSession } from '../lib/session';

/**
 * `returnTo` from the address bar when it is a page of this app (the shared rule the API validates with
 * too): only same-site paths may be a return target; anything else would be an open redirect.
 */
export function safeReturnPath(value: string | null): string | null {
  return isSafeReturnPath(value) ? value : null;
}

/** `path` with `?returnTo=…` when there is somewhere to come back to. */
export function withReturnTo(path: string, returnTo: string | null): string {
  return returnTo ? `${path}?returnTo=${encodeURIComponent(returnTo)}` : path;
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

import type { Role } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ButtonLink } from '../components/ui/Button';
import { Page } from '../components/ui/Page';
import { Loading } from '../components/ui/QueryState';
import { flash } from '../lib/flash';
import { withReturnTo } from '../lib/return-path';
import { useSession } from '../lib/session';

export function RequireAuth() {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!user) {
    return (
      <Navigate
        to={withReturnTo('/login', `${location.pathname}${location.search}`)}
        replace
        state={flash({ key: 'auth.login.required' }, 'info')}
      />
    );
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

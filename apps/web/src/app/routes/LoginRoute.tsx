import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import { LoginForm } from '../../features/auth/components/LoginForm';
import { flash } from '../../lib/flash';
import { useSession } from '../../lib/session';
import { safeReturnPath, withReturnTo } from '../../lib/return-path';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useSession();
  const returnTo = safeReturnPath(params.get('returnTo'));

  return (
    <Page title={t('auth.login.title')} lead={t('auth.login.lead')}>
      {user ? (
        <Alert variant="info" title={t('auth.login.alreadySignedIn', { name: user.displayName })} />
      ) : (
        <LoginForm
          onSuccess={(signedIn) =>
            navigate(returnTo ?? '/', {
              replace: true,
              state: flash({ key: 'auth.login.success', params: { name: signedIn.displayName } }),
            })
          }
        />
      )}
      <ul className="link-list">
        <li>
          <Link className="kern-link" to="/forgot-password">
            {t('auth.login.forgot')}
          </Link>
        </li>
        <li>
          <Link className="kern-link" to={withReturnTo('/register', returnTo)}>
            {t('auth.login.noAccount')}
          </Link>
        </li>
      </ul>
    </Page>
  );
}

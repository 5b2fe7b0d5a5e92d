import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import { ResetPasswordForm } from '../../features/auth/components/ResetPasswordForm';
import { flash } from '../../lib/flash';
import { safeReturnPath, withReturnTo } from '../../lib/return-path';

export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // From the "you have an account already" mail of a registration that started on a page of this app.
  const returnTo = safeReturnPath(params.get('returnTo'));

  return (
    <Page title={t('auth.reset.title')} lead={token ? t('auth.reset.lead') : undefined}>
      {token ? (
        <>
          <ResetPasswordForm
            token={token}
            onDone={() => navigate(withReturnTo('/login', returnTo), { state: flash({ key: 'auth.reset.done' }) })}
          />
          <p className="kern-body section">
            <Link className="kern-link" to="/forgot-password">
              {t('auth.reset.requestNew')}
            </Link>
          </p>
        </>
      ) : (
        <Alert variant="danger" title={t('errors.TOKEN_INVALID')}>
          <p className="kern-body">
            <Link className="kern-link" to="/forgot-password">
              {t('auth.reset.requestNew')}
            </Link>
          </p>
        </Alert>
      )}
    </Page>
  );
}

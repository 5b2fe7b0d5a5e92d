import { TOKEN_TTL_HOURS } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import { RegisterForm } from '../../features/auth/components/RegisterForm';
import { safeReturnPath, withReturnTo } from '../../lib/return-path';

export function RegisterRoute() {
  const { t } = useTranslation();
  // Came from a page that needs an account (e.g. /login?returnTo=/join/CODE): the confirmation link leads back there.
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('returnTo'));
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);
  // The form that had focus is gone once registered: the result takes focus instead of <body>.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (registeredEmail) resultRef.current?.focus();
  }, [registeredEmail]);

  return (
    <Page title={t('auth.register.title')} lead={t('auth.register.lead')}>
      <div role="status" ref={resultRef} tabIndex={-1} className="register-result">
        {registeredEmail ? (
          <Alert variant="success" title={t('auth.register.doneTitle')}>
            <p className="kern-body">{t('auth.register.doneText', { email: registeredEmail, hours: TOKEN_TTL_HOURS.verifyEmail })}</p>
          </Alert>
        ) : null}
      </div>
      {registeredEmail ? null : <RegisterForm onRegistered={setRegisteredEmail} returnTo={returnTo} />}
      <p className="kern-body section">
        <Link className="kern-link" to={withReturnTo('/login', returnTo)}>
          {t('auth.register.haveAccount')}
        </Link>
      </p>
    </Page>
  );
}

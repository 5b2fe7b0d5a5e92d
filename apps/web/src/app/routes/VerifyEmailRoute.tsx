import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { VerifyEmailStatus } from '../../features/auth/components/VerifyEmailStatus';
import { useSession } from '../../lib/session';
import { safeReturnPath } from '../../lib/return-path';

export function VerifyEmailRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { user } = useSession();
  return (
    <Page title={t('auth.verify.title')}>
      <VerifyEmailStatus token={params.get('token') ?? ''} signedIn={Boolean(user)} returnTo={safeReturnPath(params.get('returnTo'))} />
    </Page>
  );
}

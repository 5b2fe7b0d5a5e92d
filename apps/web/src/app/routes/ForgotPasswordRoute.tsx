import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/ui/Page';
import { EmailLinkForm } from '../../features/auth/components/EmailLinkForm';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('auth.forgot.title')} lead={t('auth.forgot.lead')}>
      <EmailLinkForm purpose="resetPassword" />
      <p className="kern-body section">
        <Link className="kern-link" to="/login">
          {t('auth.forgot.backToLogin')}
        </Link>
      </p>
    </Page>
  );
}

import { TOKEN_TTL_HOURS } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { LegalDocument, useLegalSections } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';

/** Values for the retention section's link lifetimes. */
const LINK_LIFETIMES = { verifyHours: TOKEN_TTL_HOURS.verifyEmail, resetHours: TOKEN_TTL_HOURS.resetPassword };

export function PrivacyRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <LegalDocument sections={useLegalSections('privacy.sections', LINK_LIFETIMES)} hasPlaceholders />
    </Page>
  );
}

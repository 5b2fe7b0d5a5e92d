import { useTranslation } from 'react-i18next';
import { LegalDocument, useLegalSections } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';

export function PrivacyRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <LegalDocument sections={useLegalSections('privacy.sections')} hasPlaceholders />
    </Page>
  );
}

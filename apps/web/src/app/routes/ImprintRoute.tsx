import { useTranslation } from 'react-i18next';
import { LegalDocument, useLegalSections } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';

export function ImprintRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('imprint.title')} lead={t('imprint.lead')}>
      <LegalDocument sections={useLegalSections('imprint.sections')} hasPlaceholders />
    </Page>
  );
}

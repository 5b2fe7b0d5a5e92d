import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.text')}>
      <p>
        <ButtonLink to="/" variant="primary" icon="home">
          {t('common.toHome')}
        </ButtonLink>
      </p>
    </Page>
  );
}

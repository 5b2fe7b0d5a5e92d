import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useIndicators } from '../../features/report/api/report';
import { ImportPanel } from '../../features/report/components/ImportPanel';
import { IndicatorTable } from '../../features/report/components/IndicatorTable';
import { AdminNav } from '../layout/AdminNav';
import '../../styles/report.css';

/** Indicators of the social report: definitions, and the CSV import of their values. */
export function AdminIndicatorsRoute() {
  const { t } = useTranslation();
  const indicators = useIndicators();
  return (
    <Page title={t('admin.indicators.title')} lead={t('admin.indicators.lead')} wide>
      <AdminNav />
      <p className="page-actions">
        <ButtonLink to="/admin/indicators/new" variant="primary" icon="add">
          {t('report.admin.create')}
        </ButtonLink>
      </p>
      <Section id="indicator-list" title={t('report.admin.listTitle')}>
        <QueryState query={indicators}>{(list) => <IndicatorTable indicators={list} />}</QueryState>
      </Section>
      <Section id="indicator-import" title={t('report.import.title')}>
        <ImportPanel />
      </Section>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useOpenDataCatalogue } from '../../features/report/api/report';
import { OpenDataList } from '../../features/report/components/OpenDataList';
import { ReportNav } from '../../features/report/components/ReportNav';
import '../../styles/report.css';

/** Open data: the public, read-only datasets with their licence and downloads (CSV and JSON). */
export function OpenDataRoute() {
  const { t } = useTranslation();
  const catalogue = useOpenDataCatalogue();
  return (
    <Page title={t('report.openData.title')} lead={t('report.openData.lead')} wide>
      <ReportNav />
      <QueryState query={catalogue}>{(data) => <OpenDataList catalogue={data} />}</QueryState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Term, TermList } from '../../components/ui/Term';
import { useFunds } from '../../features/funds/api/funds';
import { FundList } from '../../features/funds/components/FundList';
import { useFundsTexts } from '../../features/funds/texts';
import { RouteLoading } from '../lazy-route';
import '../../styles/funds.css';

/** The public list of the Aktionsraumfonds: every fund by year and Aktionsraum with its money and period. */
export function FundsRoute() {
  const { t } = useTranslation();
  const funds = useFunds();
  if (!useFundsTexts()) return <RouteLoading />;
  return (
    <Page title={t('funds.list.title')} lead={t('funds.list.lead')} wide>
      <TermList>
        <Term name="actionAreaFund" /> <Term name="actionArea" />
      </TermList>
      <QueryState query={funds}>{(list) => <FundList funds={list} />}</QueryState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useMyProposals } from '../../features/proposals/api/proposals';
import { ProposalList } from '../../features/proposals/components/ProposalCard';

export function MyProposalsRoute() {
  const { t } = useTranslation();
  const mine = useMyProposals();
  return (
    <Page title={t('proposals.mine.title')} lead={t('proposals.mine.lead')} wide>
      <p className="page-actions">
        <ButtonLink to="/proposals/new" variant="primary" icon="add">
          {t('proposals.list.create')}
        </ButtonLink>
      </p>
      <QueryState query={mine}>
        {(items) => (items.length > 0 ? <ProposalList proposals={items} /> : <p className="kern-body">{t('proposals.mine.empty')}</p>)}
      </QueryState>
    </Page>
  );
}

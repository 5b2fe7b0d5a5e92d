import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useMyApplications } from '../../features/funds/api/funds';
import { ApplicationItem } from '../../features/funds/components/Applications';
import { useFundsTexts } from '../../features/funds/texts';
import { formatDate } from '../../lib/format';
import { RouteLoading } from '../lazy-route';
import '../../styles/funds.css';

/** "Meine Anträge": the signed-in person's applications to the Aktionsraumfonds, drafts included. */
export function MyApplicationsRoute() {
  const { t } = useTranslation();
  const mine = useMyApplications();
  if (!useFundsTexts()) return <RouteLoading />;
  return (
    <Page title={t('funds.mine.title')} lead={t('funds.mine.lead')} wide>
      <p className="page-actions">
        <ButtonLink to="/fonds" variant="primary">
          {t('funds.mine.toFunds')}
        </ButtonLink>
      </p>
      <QueryState query={mine}>
        {(items) =>
          items.length > 0 ? (
            <ul className="application-list">
              {items.map((application) => (
                <li key={application.id}>
                  <ApplicationItem application={application} headingLevel={3} />
                  <p className="kern-body fund-muted">
                    {application.fundTitle}
                    {application.lastStep ? ` · ${t('funds.mine.lastStep', { date: formatDate(application.lastStep.createdAt) })}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="kern-body">{t('funds.mine.empty')}</p>
          )
        }
      </QueryState>
    </Page>
  );
}

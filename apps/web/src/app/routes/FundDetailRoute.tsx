import { Role } from '@app/shared';
import { FundDecisionMode, type FundDetail } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/ui/Button';
import { FormattedText } from '../../components/ui/FormattedText';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { Term } from '../../components/ui/Term';
import { useFund } from '../../features/funds/api/funds';
import { ApplicationsByState } from '../../features/funds/components/Applications';
import { FundBalanceView } from '../../features/funds/components/FundBalance';
import { FundPeriod, useApplyPath } from '../../features/funds/components/FundList';
import { useFundsTexts } from '../../features/funds/texts';
import { ApiError } from '../../lib/api-client';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { RouteLoading } from '../lazy-route';
import { NotFoundRoute } from './NotFoundRoute';
import '../../styles/funds.css';

export function FundDetailRoute() {
  const { id } = useParams();
  const fund = useFund(id);
  const ready = useFundsTexts();
  if (fund.error instanceof ApiError && (fund.error.status === 404 || fund.error.status === 400)) return <NotFoundRoute />;
  if (!ready) return <RouteLoading />;
  return <QueryState query={fund}>{(data) => <FundView fund={data} />}</QueryState>;
}

function FundView({ fund }: { fund: FundDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const applyPath = useApplyPath(fund.id);
  const staff = user?.role === Role.Moderator || user?.role === Role.Administrator;
  return (
    <Page title={fund.title} lead={t('funds.detail.lead', { area: fund.area.name, year: fund.year })} wide>
      <p className="kern-body">
        <Term name="actionAreaFund" />
      </p>
      {fund.description ? <FormattedText text={fund.description} /> : null}
      <Section id="balance" title={t('funds.detail.balanceTitle')}>
        <FundBalanceView balance={fund.balance} id="fund" />
        <FundPeriod fund={fund} />
        <p className="page-actions">
          {fund.open ? (
            <ButtonLink to={applyPath} variant="primary" icon="add">
              {t('funds.list.apply')}
            </ButtonLink>
          ) : null}{' '}
          {staff ? (
            <ButtonLink to={`/fonds/${fund.id}/bearbeitung`} variant="secondary">
              {t('funds.processing.link')}
            </ButtonLink>
          ) : null}{' '}
          {!fund.decision || fund.decision.mode === FundDecisionMode.Online ? (
            <ButtonLink to={`/fonds/${fund.id}/abstimmung`} variant="secondary">
              {t('funds.vote.title')}
            </ButtonLink>
          ) : null}
        </p>
      </Section>
      {fund.decision ? (
        <Section id="decision" title={t('funds.detail.decisionTitle')}>
          <p className="kern-body">{t(`funds.decision.${fund.decision.mode}`, { date: formatDate(fund.decision.decisionDate) })}</p>
          {fund.decision.note ? <FormattedText text={fund.decision.note} /> : null}
        </Section>
      ) : null}
      <Section id="applications" title={t('funds.detail.applicationsTitle')} intro={t('funds.detail.applicationsIntro')}>
        <ApplicationsByState applications={fund.applications} idPrefix="fund-state" />
      </Section>
    </Page>
  );
}

import type { FundSummary } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button';
import { formatDate } from '../../../lib/format';
import { FundBalanceView } from './FundBalance';
import { periodText } from './funds-text';

/** The funds by year (newest first), each year's funds by Aktionsraum. */
export function FundList({ funds }: { funds: FundSummary[] }) {
  const { t } = useTranslation();
  if (funds.length === 0) return <p className="kern-body">{t('funds.list.empty')}</p>;
  const years = [...new Set(funds.map((fund) => fund.year))].sort((a, b) => b - a);
  return (
    <>
      {years.map((year) => (
        <section key={year} className="section" aria-labelledby={`funds-${year}`}>
          <h2 className="kern-heading-medium section__title" id={`funds-${year}`}>
            {t('funds.list.year', { year })}
          </h2>
          <ul className="fund-cards">
            {funds
              .filter((fund) => fund.year === year)
              .sort((a, b) => a.area.name.localeCompare(b.area.name))
              .map((fund) => (
                <li key={fund.id}>
                  <FundCard fund={fund} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function FundPeriod({ fund }: { fund: FundSummary }) {
  const { t } = useTranslation();
  return (
    <dl className="fund-facts">
      <div>
        <dt>{t('funds.fields.period')}</dt>
        <dd>
          {t('funds.list.period', { from: formatDate(fund.applicationStart), to: formatDate(fund.applicationEnd) })}{' '}
          <strong className={fund.open ? 'fund-open' : 'fund-closed'}>{periodText(t, fund)}</strong>
        </dd>
      </div>
      <div>
        <dt>{t('funds.fields.conferenceDate')}</dt>
        <dd>{fund.conferenceDate ? formatDate(fund.conferenceDate) : t('funds.list.noConference')}</dd>
      </div>
      <div>
        <dt>{t('funds.fields.applications')}</dt>
        <dd>{t('funds.list.applicationCount', { count: fund.applicationCount })}</dd>
      </div>
    </dl>
  );
}

/** `?vorschlag=<id>` (from a proposal's page) goes on to the application form, which links the application to it. */
export function useApplyPath(fundId: string): string {
  const [params] = useSearchParams();
  const proposal = params.get('vorschlag');
  return `/fonds/${fundId}/antrag${proposal ? `?vorschlag=${encodeURIComponent(proposal)}` : ''}`;
}

function FundCard({ fund }: { fund: FundSummary }) {
  const { t } = useTranslation();
  const applyPath = useApplyPath(fund.id);
  return (
    <article className="fund-card" aria-labelledby={`fund-${fund.id}-title`}>
      <h3 className="kern-heading-small" id={`fund-${fund.id}-title`}>
        <Link className="kern-link" to={`/fonds/${fund.id}`}>
          {fund.title}
        </Link>
      </h3>
      <FundBalanceView balance={fund.balance} id={`fund-${fund.id}`} />
      <FundPeriod fund={fund} />
      {fund.open ? (
        <p>
          <ButtonLink to={applyPath} variant="primary" icon="add" aria-label={t('funds.list.applyFor', { fund: fund.title })}>
            {t('funds.list.apply')}
          </ButtonLink>
        </p>
      ) : null}
    </article>
  );
}

import type { AreaProfileResponse, ProfileFundItem } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { Section } from '../../../components/ui/Section';
import { Term } from '../../../components/ui/Term';
import { formatLocale } from '../../../lib/i18n';

/** The area's Aktionsraumfonds by year (amount, approved, paid, returned, remaining) and the applications they financed. */
export function AreaFunds({ funds }: { funds: AreaProfileResponse['funds'] }) {
  const { t, i18n } = useTranslation();
  // Display only (as euroFormatOptions in @app/shared/funds, which the web's alias does not reach): cents stay whole numbers.
  const euro = new Intl.NumberFormat(formatLocale(i18n.language), { style: 'currency', currency: 'EUR' });
  const money = (cents: number | null) => (cents === null ? '–' : euro.format(cents / 100));
  const amount = (id: string, header: string, pick: (fund: ProfileFundItem) => number) => ({
    id,
    header,
    numeric: true,
    cell: (fund: ProfileFundItem) => money(pick(fund)),
  });
  return (
    <Section
      id="area-funds"
      title={t('report.profile.fundsTitle')}
      intro={
        <>
          <Term name="actionAreaFund" />: {t('report.profile.fundsIntro')}
        </>
      }
    >
      {funds.items.length === 0 ? (
        <p className="kern-body">{t('report.profile.noFunds')}</p>
      ) : (
        <>
          <DataTable
            rows={funds.items}
            rowKey={(fund) => fund.id}
            label={t('report.profile.fundsCaption')}
            caption={t('report.profile.fundsCaption')}
            emptyText={t('report.profile.noFunds')}
            columns={[
              { id: 'year', header: t('report.profile.colYear'), rowHeader: true, cell: (fund) => String(fund.year) },
              amount('amount', t('report.profile.colAmount'), (fund) => fund.amountCents),
              amount('approved', t('report.profile.colApproved'), (fund) => fund.approvedCents),
              amount('paid', t('report.profile.colPaid'), (fund) => fund.paidCents),
              amount('returned', t('report.profile.colReturned'), (fund) => fund.returnedCents),
              amount('remaining', t('report.profile.colRemaining'), (fund) => fund.remainingCents),
            ]}
          />
          <h3 className="kern-heading-small">{t('report.profile.financedTitle')}</h3>
          <DataTable
            rows={funds.financed}
            rowKey={(application) => application.id}
            label={t('report.profile.financedCaption')}
            caption={t('report.profile.financedCaption')}
            emptyText={t('report.profile.noFinanced')}
            columns={[
              { id: 'title', header: t('report.profile.colApplication'), rowHeader: true, cell: (application) => application.title },
              {
                id: 'applicant',
                header: t('report.profile.colApplicant'),
                cell: (application) => application.applicantName ?? t('common.nameErased'),
              },
              { id: 'year', header: t('report.profile.colYear'), cell: (application) => String(application.year) },
              {
                id: 'approved',
                header: t('report.profile.colApproved'),
                numeric: true,
                cell: (application) => money(application.approvedAmountCents),
              },
              { id: 'paid', header: t('report.profile.colPaid'), numeric: true, cell: (application) => money(application.paidAmountCents) },
              {
                id: 'state',
                header: t('report.profile.colStatus'),
                cell: (application) => t(`report.profile.fundState.${application.state}`),
              },
              {
                id: 'project',
                header: t('report.profile.colSingleProject'),
                cell: (application) =>
                  application.project ? (
                    <Link className="kern-link" to={`/projects/${encodeURIComponent(application.project.id)}`}>
                      {application.project.title}
                    </Link>
                  ) : (
                    '–'
                  ),
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}

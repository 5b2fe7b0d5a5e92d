import { AreaType } from '@app/shared';
import type { FundSummary } from '@app/shared/funds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Button } from '../../components/ui/Button';
import { DataTable } from '../../components/ui/DataTable';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { fundsExportPath, useFund, useFunds } from '../../features/funds/api/funds';
import { FundForm } from '../../features/funds/components/FundForm';
import { periodText, useEuro } from '../../features/funds/components/funds-text';
import { useFundsTexts } from '../../features/funds/texts';
import { useAreas } from '../../lib/areas';
import { AdminListPage } from '../layout/AdminPages';
import { RouteLoading } from '../lazy-route';
import '../../styles/funds.css';

function EditFund({ id, onDone }: { id: string; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const fund = useFund(id);
  return (
    <Section id="fund-edit" title={t('funds.admin.editTitle')} boxed>
      <QueryState query={fund}>
        {(data) => (
          <FundForm
            fund={data}
            areaOptions={[]}
            onSaved={(saved) => onDone(t('funds.admin.saved', { title: saved.title }))}
            onCancel={() => onDone(null)}
          />
        )}
      </QueryState>
    </Section>
  );
}

/** The administration of the funds: a year's funds with their money, opening a fund, changing one, and the year's export. */
export function AdminFundsRoute() {
  const { t } = useTranslation();
  const euro = useEuro();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('jahr')) || new Date().getFullYear();
  const funds = useFunds({ year });
  const areas = useAreas({ type: AreaType.ActionArea });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (notice) listHeading.current?.focus();
  }, [notice]);
  if (!useFundsTexts()) return <RouteLoading />;

  const years = [year - 1, year, year + 1];
  return (
    <AdminListPage section="admin.funds">
      <nav aria-label={t('funds.admin.yearsLabel')} className="fund-years">
        <ul className="fund-years__list">
          {years.map((y) => (
            <li key={y}>
              <Link className="kern-link" to={`?jahr=${y}`} aria-current={y === year ? 'page' : undefined}>
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="section" aria-labelledby="funds-year-title">
        <h2 className="kern-heading-medium section__title" id="funds-year-title" ref={listHeading} tabIndex={-1}>
          {t('funds.list.year', { year })}
        </h2>
        <div role="status" className="app-form__status">
          {notice ? <Alert key={notice.at} variant="success" title={notice.text} /> : null}
        </div>
        <ul className="kern-list link-list">
          <li>
            <a className="kern-link" href={fundsExportPath('csv', year)} download>
              {t('funds.admin.exportCsv', { year })}
            </a>
          </li>
          <li>
            <a className="kern-link" href={fundsExportPath('xlsx', year)} download>
              {t('funds.admin.exportXlsx', { year })}
            </a>
          </li>
        </ul>
        <QueryState query={funds}>
          {(list) => (
            <DataTable<FundSummary>
              rows={list}
              rowKey={(fund) => fund.id}
              label={t('funds.admin.tableLabel', { year })}
              caption={t('funds.admin.tableLabel', { year })}
              emptyText={t('funds.admin.empty', { year })}
              columns={[
                {
                  id: 'title',
                  header: t('funds.fields.fund'),
                  rowHeader: true,
                  cell: (fund) => (
                    <Link className="kern-link" to={`/fonds/${fund.id}`}>
                      {fund.title}
                    </Link>
                  ),
                },
                { id: 'amount', header: t('funds.balance.amount'), numeric: true, cell: (fund) => euro(fund.balance.amountCents) },
                { id: 'approved', header: t('funds.balance.approved'), numeric: true, cell: (fund) => euro(fund.balance.approvedCents) },
                { id: 'remaining', header: t('funds.balance.remaining'), numeric: true, cell: (fund) => euro(fund.balance.remainingCents) },
                {
                  id: 'open',
                  header: t('funds.fields.period'),
                  cell: (fund) => periodText(t, fund),
                },
                {
                  id: 'processing',
                  header: t('funds.fields.applications'),
                  cell: (fund) => (
                    <Link className="kern-link" to={`/fonds/${fund.id}/bearbeitung`}>
                      {t('funds.list.applicationCount', { count: fund.applicationCount })}
                    </Link>
                  ),
                },
              ]}
              action={(fund) => (
                <Button variant="tertiary" small icon="edit" aria-expanded={editing === fund.id} onClick={() => setEditing(fund.id)}>
                  {t('funds.admin.edit', { title: fund.title })}
                </Button>
              )}
            />
          )}
        </QueryState>
      </section>
      {editing ? (
        <EditFund
          key={editing}
          id={editing}
          onDone={(message) => {
            setEditing(null);
            if (message) setNotice({ text: message, at: Date.now() });
            else listHeading.current?.focus();
          }}
        />
      ) : null}
      <Section id="fund-new" title={t('funds.admin.createTitle')} intro={t('funds.admin.createIntro')} boxed>
        <FundForm
          key={year}
          fund={null}
          year={year}
          areaOptions={(areas.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
          onSaved={(saved) => {
            setParams({ jahr: String(saved.year) });
            setNotice({ text: t('funds.admin.created', { title: saved.title }), at: Date.now() });
          }}
        />
      </Section>
    </AdminListPage>
  );
}

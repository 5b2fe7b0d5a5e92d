import type { ApplicationSummary, FundDetail } from '@app/shared/funds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Alert } from '../../components/ui/Alert';
import { useApplication, useFund } from '../../features/funds/api/funds';
import { ApplicationsByState } from '../../features/funds/components/Applications';
import { FundBalanceView } from '../../features/funds/components/FundBalance';
import { JuryDecisionForm } from '../../features/funds/components/JuryDecisionForm';
import { TransitionPanel } from '../../features/funds/components/TransitionPanel';
import { useFundsTexts } from '../../features/funds/texts';
import { ApiError } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { Role } from '@app/shared';
import { RouteLoading } from '../lazy-route';
import { NotFoundRoute } from './NotFoundRoute';
import '../../styles/funds.css';

/** The processing list of moderators and administrators: a fund's applications by state, each with its steps. */
export function FundProcessingRoute() {
  const { id } = useParams();
  const fund = useFund(id);
  const ready = useFundsTexts();
  if (fund.error instanceof ApiError && (fund.error.status === 404 || fund.error.status === 400)) return <NotFoundRoute />;
  if (!ready) return <RouteLoading />;
  return <QueryState query={fund}>{(data) => <Processing fund={data} />}</QueryState>;
}

function Steps({ application, onDone }: { application: ApplicationSummary; onDone: (message: string) => void }) {
  const detail = useApplication(application.id);
  const { user } = useSession();
  return (
    <QueryState query={detail}>
      {(data) => <TransitionPanel application={data} canCreateProject={user?.role === Role.Administrator} onDone={onDone} />}
    </QueryState>
  );
}

function Processing({ fund }: { fund: FundDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice]);
  return (
    <Page title={t('funds.processing.title', { fund: fund.title })} lead={t('funds.processing.lead')} wide>
      <p className="kern-body">
        <Link className="kern-link" to={`/fonds/${fund.id}`}>
          {t('funds.processing.toFund')}
        </Link>
      </p>
      <FundBalanceView balance={fund.balance} id="processing" />
      <JuryDecisionForm fund={fund} onDone={(text) => setNotice({ text, at: Date.now() })} />
      <section className="section" aria-labelledby="processing-list-title">
        <h2 className="kern-heading-medium section__title" id="processing-list-title" ref={heading} tabIndex={-1}>
          {t('funds.detail.applicationsTitle')}
        </h2>
        <div role="status" className="app-form__status">
          {notice ? <Alert key={notice.at} variant="success" title={notice.text} /> : null}
        </div>
        <ApplicationsByState
          applications={fund.applications}
          idPrefix="processing-state"
          actions={(application) => (
            <>
              <Button
                variant="secondary"
                small
                aria-expanded={open === application.id}
                onClick={() => setOpen(open === application.id ? null : application.id)}
              >
                {t('funds.processing.steps', { title: application.title })}
              </Button>
              {open === application.id ? (
                <Steps
                  application={application}
                  onDone={(text) => {
                    setOpen(null);
                    setNotice({ text, at: Date.now() });
                  }}
                />
              ) : null}
            </>
          )}
        />
      </section>
    </Page>
  );
}

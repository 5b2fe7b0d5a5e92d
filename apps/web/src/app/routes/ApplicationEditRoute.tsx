import { AreaType, Role } from '@app/shared';
import { type ApplicationDetail, type FundSummary } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Term, TermList } from '../../components/ui/Term';
import { useApplication, useFund } from '../../features/funds/api/funds';
import { ApplicationForm } from '../../features/funds/components/ApplicationForm';
import { useEuro } from '../../features/funds/components/funds-text';
import { useFundsTexts } from '../../features/funds/texts';
import { ApiError } from '../../lib/api-client';
import { useAreas } from '../../lib/areas';
import { useFieldsOfAction } from '../../lib/fields-of-action';
import { flash } from '../../lib/flash';
import { localized } from '../../lib/localized';
import { useSession } from '../../lib/session';
import { RouteLoading } from '../lazy-route';
import { NotFoundRoute } from './NotFoundRoute';
import '../../styles/funds.css';

/** Applying to a fund (/fonds/:id/antrag) and changing a draft or returned application (/fonds/antraege/:id/bearbeiten). */
export function ApplicationEditRoute() {
  const { id, applicationId } = useParams();
  const application = useApplication(applicationId);
  const fund = useFund(applicationId ? application.data?.fund.id : id);
  const ready = useFundsTexts();
  const failed = [application.error, fund.error].find((error) => error instanceof ApiError && [400, 403, 404].includes(error.status));
  if (failed) return <NotFoundRoute />;
  if (!ready) return <RouteLoading />;
  if (applicationId) {
    return (
      <QueryState query={application}>
        {(data) => <QueryState query={fund}>{(f) => <EditPage fund={f} application={data} />}</QueryState>}
      </QueryState>
    );
  }
  return <QueryState query={fund}>{(f) => <EditPage fund={f} application={null} />}</QueryState>;
}

function EditPage({ fund, application }: { fund: FundSummary; application: ApplicationDetail | null }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useSession();
  const fields = useFieldsOfAction();
  const neighbourhoods = useAreas({ type: AreaType.Neighbourhood, parentId: fund.area.id });
  const staff = user?.role === Role.Moderator || user?.role === Role.Administrator;
  const title = application ? t('funds.form.editTitle', { title: application.title }) : t('funds.form.createTitle', { fund: fund.title });
  const lead = application
    ? t('funds.form.editLead')
    : fund.open
      ? t('funds.form.createLead', { max: euro(fund.maxPerApplicationCents) })
      : t('funds.form.closedLead');
  return (
    <Page title={title} lead={lead}>
      <TermList>
        <Term name="actionAreaFund" /> <Term name="fieldOfAction" />
      </TermList>
      {!application && !fund.open && !staff ? null : (
        <ApplicationForm
          fund={fund}
          application={application}
          staff={staff}
          proposalId={params.get('vorschlag')}
          fieldOptions={(fields.data ?? []).map((field) => ({ value: field.id, label: localized(field.name, i18n.language) }))}
          neighbourhoodOptions={(neighbourhoods.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
          onSaved={(saved, created) =>
            navigate(`/fonds/antraege/${saved.id}`, {
              state: flash({ key: created ? 'funds.form.created' : 'funds.form.saved', params: { title: saved.title } }),
            })
          }
        />
      )}
    </Page>
  );
}

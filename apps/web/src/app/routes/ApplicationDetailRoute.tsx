import { Role } from '@app/shared';
import { APPLICATION_STATE_INFO, ApplicationState, type ApplicationDetail } from '@app/shared/funds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '../../components/ui/Button';
import { ConfirmStep } from '../../components/ui/ConfirmStep';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useApplication, useFundActions } from '../../features/funds/api/funds';
import { ApplicationView } from '../../features/funds/components/ApplicationView';
import { AttachmentUploadForm } from '../../features/funds/components/AttachmentUploadForm';
import { TransitionPanel } from '../../features/funds/components/TransitionPanel';
import { useFundsTexts } from '../../features/funds/texts';
import { ApiError } from '../../lib/api-client';
import { flash } from '../../lib/flash';
import { useFieldsOfAction } from '../../lib/fields-of-action';
import { localized } from '../../lib/localized';
import { useSession } from '../../lib/session';
import { RouteLoading } from '../lazy-route';
import { NotFoundRoute } from './NotFoundRoute';
import '../../styles/funds.css';

export function ApplicationDetailRoute() {
  const { id } = useParams();
  const application = useApplication(id);
  const ready = useFundsTexts();
  if (application.error instanceof ApiError && [400, 403, 404].includes(application.error.status)) return <NotFoundRoute />;
  if (!ready) return <RouteLoading />;
  return <QueryState query={application}>{(data) => <ApplicationPage application={data} />}</QueryState>;
}

function DeleteDraft({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const actions = useFundActions();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setAsking(true)}>
        <span className="kern-label">{t('funds.detail.deleteDraft')}</span>
      </button>
    );
  }
  return (
    <ConfirmStep
      className="application-delete"
      confirmLabel={t('funds.detail.deleteConfirm')}
      icon="delete"
      onCancel={() => setAsking(false)}
      action={async () => {
        await actions.deleteApplication(application.id);
        navigate('/account/antraege', { state: flash({ key: 'funds.mine.deleted', params: { title: application.title } }) });
      }}
    >
      <p className="kern-body">{t('funds.detail.deleteText', { title: application.title })}</p>
    </ConfirmStep>
  );
}

function ApplicationPage({ application }: { application: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const fields = useFieldsOfAction('all');
  const field = fields.data?.find((entry) => entry.id === application.fieldOfActionId);
  const isAdmin = user?.role === Role.Administrator;
  const editable = application.isApplicant && APPLICATION_STATE_INFO[application.state].editable;
  const canUploadProof = application.isApplicant && application.state === ApplicationState.Paid;
  return (
    <Page title={application.title} wide userTitle>
      {editable ? (
        <p className="page-actions">
          <ButtonLink to={`/fonds/antraege/${application.id}/bearbeiten`} variant="secondary" icon="edit">
            {t('funds.detail.edit')}
          </ButtonLink>{' '}
          {application.state === ApplicationState.Draft ? <DeleteDraft application={application} /> : null}
        </p>
      ) : null}
      <ApplicationView
        application={application}
        fieldName={field ? localized(field.name, i18n.language) : null}
        actions={<TransitionPanel application={application} canCreateProject={isAdmin} />}
      />
      {editable || canUploadProof ? (
        <Section
          id="upload"
          title={t(canUploadProof ? 'funds.upload.proofTitle' : 'funds.upload.title')}
          intro={t(canUploadProof ? 'funds.upload.proofIntro' : 'funds.upload.intro')}
          boxed
        >
          <AttachmentUploadForm applicationId={application.id} kind={canUploadProof ? 'proof-attachments' : 'attachments'} />
        </Section>
      ) : null}
    </Page>
  );
}

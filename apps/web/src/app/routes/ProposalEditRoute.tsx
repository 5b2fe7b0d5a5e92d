import { CITIZEN_TEXT_LICENCE, Role, type ProposalDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { Loading, QueryState } from '../../components/ui/QueryState';
import { useProposal } from '../../features/proposals/api/proposals';
import { ProposalForm } from '../../features/proposals/components/ProposalForm';
import { flash } from '../../lib/flash';
import { useSession } from '../../lib/session';
import { useProposalOptions } from './proposal-options';

/** /proposals/new and /proposals/:id/edit (signed in; editing only while the API allows it). */
export function ProposalEditRoute() {
  const { id } = useParams();
  const proposal = useProposal(id);
  if (!id) return <ProposalEditPage proposal={null} />;
  return <QueryState query={proposal}>{(data) => <ProposalEditPage proposal={data} />}</QueryState>;
}

function ProposalEditPage({ proposal }: { proposal: ProposalDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useProposalOptions();
  const { user } = useSession();
  const title = proposal ? t('proposals.form.editTitle') : t('proposals.form.newTitle');
  const cancelTo = proposal ? `/proposals/${proposal.id}` : '/proposals';
  return (
    <Page title={title} lead={proposal ? proposal.title : t('proposals.form.newLead', { licence: CITIZEN_TEXT_LICENCE })}>
      {proposal && !proposal.viewer.canEdit ? (
        <Alert variant="warning" title={t('errors.PROPOSAL_NOT_EDITABLE')} />
      ) : options.isPending ? (
        <Loading />
      ) : (
        <>
          {proposal ? null : (
            <p className="kern-body proposal-form__attachments-hint">
              <span className="kern-icon kern-icon--info kern-icon--small" aria-hidden="true" /> {t('proposals.form.attachmentsHint')}
            </p>
          )}
          <ProposalForm
            proposal={proposal}
            areaOptions={options.areaOptions}
            fieldOptions={options.fieldOptions}
            canEnterOnBehalf={user?.role === Role.Moderator || user?.role === Role.Administrator}
            onSaved={(saved) =>
              navigate(`/proposals/${saved.id}`, {
                state: flash({ key: proposal ? 'proposals.form.saved' : 'proposals.form.created' }),
              })
            }
            actions={
              <ButtonLink to={cancelTo} variant="tertiary">
                {t('common.cancel')}
              </ButtonLink>
            }
          />
        </>
      )}
    </Page>
  );
}

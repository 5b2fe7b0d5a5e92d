import { AssemblyStatus, Role, type AssemblyDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { Loading, QueryState } from '../../components/ui/QueryState';
import { useAreas } from '../../lib/areas';
import { useAssembly } from '../../features/assemblies/api/assemblies';
import { allowedAreas } from '../../lib/area-groups';
import '../../features/assemblies/components/assemblies.css';
import { AssemblyForm } from '../../features/assemblies/components/AssemblyForm';
import { flash } from '../../lib/flash';
import { useSession } from '../../lib/session';
import { useTextSet } from '../../lib/text-sets';

/** /assemblies/new and /assemblies/:id/edit (moderators and administrators; editing only for its moderators). */
export function AssemblyEditRoute() {
  const { id } = useParams();
  const assembly = useAssembly(id);
  // The agenda's prepared votes use the console's texts (the `console` set), fetched with this page.
  const textsReady = useTextSet('console');
  if (!textsReady) return <Loading />;
  if (!id) return <AssemblyEditPage assembly={null} />;
  return <QueryState query={assembly}>{(data) => <AssemblyEditPage assembly={data} />}</QueryState>;
}

function AssemblyEditPage({ assembly }: { assembly: AssemblyDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const areas = useAreas();
  const isAdmin = user?.role === Role.Administrator;
  const title = assembly ? t('assemblies.form.editTitle') : t('assemblies.form.newTitle');
  const cancelTo = assembly ? `/assemblies/${assembly.id}` : '/assemblies';
  const blocked = assembly
    ? !assembly.viewer.isModerator
      ? t('assemblies.form.notModerator')
      : assembly.status === AssemblyStatus.Closed
        ? t('assemblies.form.closed')
        : null
    : null;
  return (
    <Page title={title} lead={assembly ? assembly.title : t('assemblies.form.newLead')}>
      {blocked ? (
        <>
          <Alert variant="warning" title={blocked} />
          <p>
            <ButtonLink to={cancelTo} icon="arrow-back">
              {t('assemblies.form.back')}
            </ButtonLink>
          </p>
        </>
      ) : (
        <QueryState query={areas}>
          {(list) => (
            <AssemblyForm
              assembly={assembly}
              areas={list}
              allowedAreaIds={allowedAreas(list, isAdmin ? null : (user?.moderatorAreaIds ?? []))}
              canChooseModerators={isAdmin}
              onSaved={(saved) =>
                navigate(`/assemblies/${saved.id}`, {
                  state: flash({ key: assembly ? 'assemblies.form.saved' : 'assemblies.form.created' }),
                })
              }
              actions={
                <ButtonLink to={cancelTo} variant="tertiary">
                  {t('common.cancel')}
                </ButtonLink>
              }
            />
          )}
        </QueryState>
      )}
    </Page>
  );
}

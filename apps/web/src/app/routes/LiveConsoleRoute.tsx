import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import { Loading } from '../../components/ui/QueryState';
import { LiveFrame } from '../../features/live/components/LiveFrame';
import { ModeratorConsole } from '../../features/live/components/ModeratorConsole';
import { useLive } from '../../features/live/hooks/useLive';
import { useTextSet } from '../../lib/text-sets';

/** /assemblies/:id/console — the moderator console (desktop); its texts (the `console` set) come with it. */
export function LiveConsoleRoute() {
  return useTextSet('console') ? <LiveConsolePage /> : <Loading />;
}

function LiveConsolePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const live = useLive({ assemblyId: id, mode: 'participant' });
  const { state, me, moderator } = live;
  const title = state ? t('live.console.title', { title: state.title }) : t('live.console.titleShort');
  return (
    <Page title={title} wide>
      <LiveFrame live={live}>
        {state && me && !me.isModerator ? <Alert variant="danger" role="alert" title={t('live.console.forbidden')} /> : null}
        {state && me?.isModerator && moderator ? <ModeratorConsole live={live} state={state} moderator={moderator} /> : null}
        {state && me?.isModerator && !moderator ? <Loading /> : null}
      </LiveFrame>
    </Page>
  );
}

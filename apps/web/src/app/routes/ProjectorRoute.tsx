import { isLanguage } from '@app/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/ui/QueryState';
import { refusalText } from '../../features/live/components/LiveFrame';
import { ProjectorView } from '../../features/live/components/ProjectorView';
import { ConnectionBadge } from '../../features/live/components/common';
import { useSecondLanguage } from '../../features/live/components/typed-text';
import { useLive } from '../../features/live/hooks/useLive';

/** /assemblies/:id/projector — the hall screen, outside the site layout, read-only. */
export function ProjectorRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const live = useLive({ assemblyId: id, mode: 'projector' });
  // The second language: `?second=tr` on this screen's address (`none`: one language), else the console's setting.
  const [params] = useSearchParams();
  const wanted = params.get('second')?.toLowerCase();
  const second = useSecondLanguage(isLanguage(wanted) ? wanted : wanted === 'none' ? null : live.state?.projectorLanguage);
  const title = live.state?.title ?? t('live.projector.title');
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <main className="projector" id="main">
      <header className="projector__header">
        <h1 className="projector__title">{title}</h1>
        {/* For the operator only when something is wrong: the hall needs no "connected". */}
        {live.status === 'connected' ? null : <ConnectionBadge status={live.status} />}
      </header>
      {live.refused ? <p className="projector__notice">{refusalText(t, live.refused)}</p> : null}
      {live.state ? <ProjectorView live={live} state={live.state} second={second} /> : live.refused ? null : <Loading />}
    </main>
  );
}

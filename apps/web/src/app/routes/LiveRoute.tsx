import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Button, ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { Loading } from '../../components/ui/QueryState';
import { useAssemblyForLive } from '../../features/live/api/assembly';
import { joinAssembly, storedGuestToken } from '../../lib/assembly-join';
import { LiveFrame } from '../../features/live/components/LiveFrame';
import { ParticipantView } from '../../features/live/components/ParticipantView';
import { useLive } from '../../features/live/hooks/useLive';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';
import { useSession } from '../../lib/session';
import { withReturnTo } from '../../lib/return-path';

/** /assemblies/:id/live — the participant view (phone first). */
export function LiveRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user, isLoading } = useSession();
  const [guestToken] = useState(() => storedGuestToken(id));
  const [generation, setGeneration] = useState(0);
  const detail = useAssemblyForLive(id);
  // A guest with a device credential connects at once: the socket's first state message draws the
  // page, without waiting for the session or the assembly's details.
  const canConnect = Boolean(guestToken) || (!isLoading && Boolean(user));
  const title = detail.data?.title ?? t('live.participant.title');

  if (!canConnect && isLoading) return <Loading />;
  if (!canConnect) {
    const joinPath = detail.data ? `/join/${detail.data.joinCode}` : '/join';
    return (
      <Page title={title}>
        <Alert variant="info" title={t('live.participant.notJoined')}>
          <p className="kern-body">{t('live.participant.notJoinedText')}</p>
        </Alert>
        <p className="live-actions">
          <ButtonLink to={joinPath} variant="primary" icon="arrow-forward">
            {t('live.participant.joinLink')}
          </ButtonLink>
          <Link className="kern-link" to={withReturnTo('/login', `/assemblies/${id}/live`)}>
            {t('live.participant.login')}
          </Link>
        </p>
      </Page>
    );
  }
  return <Connected key={generation} id={id} guestToken={guestToken} fallbackTitle={title} onJoined={() => setGeneration((n) => n + 1)} />;
}

function Connected({
  id,
  guestToken,
  fallbackTitle,
  onJoined,
}: {
  id: string;
  guestToken: string | null;
  fallbackTitle: string;
  onJoined: () => void;
}) {
  const { t } = useTranslation();
  const live = useLive({ assemblyId: id, mode: 'participant', guestToken });
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<UiMessage | null>(null);
  const { state, me } = live;

  async function join() {
    setJoining(true);
    setJoinError(null);
    try {
      await joinAssembly({ assemblyId: id });
      onJoined();
    } catch (error) {
      setJoinError(describeError(error).formError);
    } finally {
      setJoining(false);
    }
  }

  return (
    <Page title={state?.title ?? fallbackTitle} userTitle={Boolean(state?.title)}>
      <LiveFrame
        live={live}
        refusedExtra={
          <p className="kern-body">
            <Link className="kern-link" to="/join">
              {t('live.participant.joinLink')}
            </Link>
          </p>
        }
      >
        {state && me ? (
          <>
            {!me.participant && me.isModerator ? (
              <Alert variant="info" title={t('live.participant.moderatorHint')}>
                <p className="kern-body">
                  <Link className="kern-link" to={`/assemblies/${id}/console`}>
                    {t('live.participant.toConsole')}
                  </Link>
                </p>
              </Alert>
            ) : null}
            {!me.participant && !me.isModerator ? (
              <Alert variant="info" title={t('live.participant.notJoined')}>
                <p className="kern-body">{t('live.participant.joinAccountText')}</p>
                {joinError ? (
                  <p className="kern-error" role="alert">
                    <span className="kern-body">{translateMessage(t, joinError)}</span>
                  </p>
                ) : null}
                <Button onClick={() => void join()} busy={joining} icon="arrow-forward">
                  {t('live.participant.joinNow')}
                </Button>
              </Alert>
            ) : null}
            <ParticipantView live={live} state={state} me={me} />
          </>
        ) : null}
      </LiveFrame>
    </Page>
  );
}

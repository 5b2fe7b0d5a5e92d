import { VotingRoundStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { useConsole } from './ConsoleContext';

/** What runs right now, always in sight above the tabs: the current item, the open round, the speaker (people's words isolated with <bdi>, so a German question reads right in an Arabic console). */
export function LiveStatusBar() {
  const { state, moderator, showSection } = useConsole();
  const { t } = useTranslation();
  const item = state.agenda.find((i) => i.id === state.currentItemId);
  const open = moderator.rounds.find((r) => r.status === VotingRoundStatus.Open);
  const speaker = state.speakers.current;
  return (
    <div className="live-statusbar" role="group" aria-label={t('live.console.bar.label')}>
      <p className="kern-body live-statusbar__entry">
        <span className="live-statusbar__name">{t('live.console.bar.item')}</span>{' '}
        {item ? <bdi>{item.title}</bdi> : t('live.console.bar.noItem')}
      </p>
      <p className="kern-body live-statusbar__entry" id="console-open-round" tabIndex={-1}>
        <span className="live-statusbar__name">{t('live.console.bar.round')}</span>{' '}
        {open ? (
          <>
            <strong>
              <bdi>{open.question}</bdi>
            </strong>{' '}
            · {t('live.results.ballots', { count: open.ballotsCast })}{' '}
            <Button variant="tertiary" small onClick={() => showSection('voting')}>
              {t('live.console.bar.toVoting')}
            </Button>
          </>
        ) : (
          t('live.console.bar.noRound')
        )}
      </p>
      <p className="kern-body live-statusbar__entry">
        <span className="live-statusbar__name">{t('live.speakers.current')}</span>{' '}
        {speaker ? <bdi>{speaker.displayName}</bdi> : t('live.console.bar.nobody')}
      </p>
    </div>
  );
}

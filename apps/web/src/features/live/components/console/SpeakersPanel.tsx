import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { ActionError, Countdown, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';
import { Panel } from './Panel';

/** The list of speakers: the current turn, the queue in order, the time limit. */
export function SpeakersPanel() {
  const { live, state, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const limitAction = useLiveAction();
  const { current, queue, defaultTimeLimitSeconds } = state.speakers;
  const [limit, setLimit] = useState(defaultTimeLimitSeconds ? String(defaultTimeLimitSeconds) : '');

  const move = (index: number, delta: number) => {
    const ids = queue.map((speaker) => speaker.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    void action.run(
      () => live.send('speaker:order', { speakerIds: ids }),
      () => announce(t('live.console.speakers.moved', { name: queue[index].displayName, place: index + delta + 1 })),
    );
  };

  async function saveLimit(event: FormEvent) {
    event.preventDefault();
    const seconds = limit.trim() === '' ? null : Math.max(0, Math.round(Number(limit)));
    await limitAction.run(
      () => live.send('speaker:time-limit', { seconds: seconds || null }),
      () => announce(t('live.console.speakers.limitSaved')),
    );
  }

  return (
    <Panel id="console-speakers" title={t('live.speakers.heading')}>
      {current ? (
        <div className="live-speaker-now">
          <p className="kern-body">
            <strong>{t('live.speakers.current')}</strong> {current.displayName}
          </p>
          <Countdown speaker={current} clockOffsetMs={live.clockOffsetMs} />
          <Button
            variant="secondary"
            icon="close"
            busy={action.busy}
            onClick={() =>
              void action.run(
                () => live.send('speaker:stop', {}),
                () => announce(t('live.console.speakers.stopped')),
              )
            }
          >
            {t('live.console.speakers.stop')}
          </Button>
        </div>
      ) : (
        <p className="kern-body">{t('live.speakers.nobody')}</p>
      )}
      <h3 className="kern-heading-x-small">{t('live.speakers.queue', { count: queue.length })}</h3>
      {queue.length === 0 ? <p className="kern-body">{t('live.console.speakers.empty')}</p> : null}
      <ol className="live-queue live-queue--console">
        {queue.map((speaker, index) => (
          <li key={speaker.id} className="live-queue__item">
            <span className="kern-body">{speaker.displayName}</span>
            <span className="live-actions">
              <Button
                small
                icon="arrow-forward"
                busy={action.busy}
                onClick={() =>
                  void action.run(
                    () => live.send('speaker:start', { speakerId: speaker.id }),
                    () => announce(t('live.console.speakers.started', { name: speaker.displayName })),
                  )
                }
              >
                {t('live.console.speakers.start')}
                <span className="live-sr-only">: {speaker.displayName}</span>
              </Button>
              <Button
                small
                variant="tertiary"
                icon="arrow-up"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('live.console.speakers.up', { name: speaker.displayName })}
              >
                {t('live.console.speakers.upShort')}
              </Button>
              <Button
                small
                variant="tertiary"
                icon="arrow-down"
                disabled={index === queue.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('live.console.speakers.down', { name: speaker.displayName })}
              >
                {t('live.console.speakers.downShort')}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <ActionError action={action} />
      <form className="live-form live-form--inline" onSubmit={saveLimit} noValidate>
        <FormField id="speaker-limit" label={t('live.console.speakers.limit')} hint={t('live.console.speakers.limitHint')}>
          {(aria) => (
            <input
              id="speaker-limit"
              {...aria}
              className={`${aria.className} live-number`}
              type="number"
              min={0}
              step={10}
              inputMode="numeric"
              value={limit}
              onChange={(event) => setLimit(event.target.value)}
            />
          )}
        </FormField>
        <ActionError action={limitAction} />
        <Button type="submit" variant="secondary" busy={limitAction.busy}>
          {t('live.console.speakers.limitSave')}
        </Button>
      </form>
    </Panel>
  );
}

import { LANGUAGE_ENDONYMS, VotingRoundStatus, votingType, type Language, type LiveAck, type LiveRound } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../components/ui/Alert';
import { Badge } from '../../../../components/ui/Badge';
import { Button } from '../../../../components/ui/Button';
import { ActionError, ResultTable, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';
import { HallTallyForm } from './HallTallyForm';
import { fixedOptionsHint, roundFields, savedValues, translationInput } from './round-translations';
import { TranslationsLive, type FieldValues } from './TranslationsEditor';
import { ShowAgainButton } from '../ShowAgainButton';
import { BudgetResult } from '../budget/BudgetResult';
import { ConfirmAllocation } from './ConfirmAllocation';

/** A binding round: eligible (cards held), voted and turnout, or why nobody can vote. */
function Turnout({ round }: { round: LiveRound }) {
  const { moderator } = useConsole();
  const { t } = useTranslation();
  const eligible = moderator.checkIn.eligible;
  if (eligible === 0)
    return (
      <div data-testid="nobody-checked-in">
        <Alert variant="warning" title={t('live.console.voting.nobodyCheckedInTitle')}>
          <p className="kern-body">{t('live.console.voting.nobodyCheckedIn')}</p>
        </Alert>
      </div>
    );
  const percent = Math.round((round.ballotsCast / eligible) * 100);
  return (
    <p className="kern-body kern-body--small" data-testid="turnout">
      {t('live.console.voting.turnout', { eligible, voted: round.ballotsCast, percent })}
    </p>
  );
}

/** One round: its steps (open, close, publish), its live tally and its hall count. */
export function RoundCard({ round }: { round: LiveRound }) {
  const { live, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const step = (event: 'round:open' | 'round:close' | 'round:publish', done: string) =>
    void action.run(
      () => live.send(event, { roundId: round.id }) as Promise<LiveAck<unknown>>,
      () => announce(done),
    );
  return (
    <article className="live-round" aria-labelledby={`round-${round.id}-title`}>
      <h4 className="kern-heading-x-small" id={`round-${round.id}-title`}>
        {round.question}{' '}
        <Badge variant={round.status === VotingRoundStatus.Open ? 'success' : 'info'}>{t(`live.vote.status.${round.status}`)}</Badge>
      </h4>
      <p className="kern-body kern-body--small">
        {t(votingType(round.type).texts.name)} · {round.secret ? t('live.console.voting.secretShort') : t('live.console.voting.openShort')}
        {` · ${t(round.requireCheckIn ? 'live.console.voting.checkInShort' : 'live.console.voting.notBindingShort')}`} ·{' '}
        {t('live.results.ballots', { count: round.ballotsCast })}
      </p>
      {round.requireCheckIn && round.status !== VotingRoundStatus.Published ? <Turnout round={round} /> : null}
      <div className="live-actions">
        {round.status === VotingRoundStatus.Draft ? (
          <Button
            small
            icon="arrow-forward"
            busy={action.busy}
            onClick={() => step('round:open', t('live.announce.roundOpened', { question: round.question }))}
          >
            {t('live.console.voting.open')}
          </Button>
        ) : null}
        {round.status === VotingRoundStatus.Open ? (
          <Button
            small
            icon="close"
            busy={action.busy}
            onClick={() => step('round:close', t('live.announce.roundClosed', { question: round.question }))}
          >
            {t('live.console.voting.close')}
          </Button>
        ) : null}
        {round.status === VotingRoundStatus.Closed ? (
          <Button
            small
            icon="visibility"
            busy={action.busy}
            onClick={() => step('round:publish', t('live.announce.resultsPublished', { question: round.question }))}
          >
            {t('live.console.voting.publish')}
          </Button>
        ) : null}
        <ShowAgainButton round={round} />
      </div>
      <ActionError action={action} />
      {round.results ? (
        <>
          <ResultTable round={round} result={round.results} caption={t('live.console.voting.tally', { question: round.question })} />
          {round.results.budget ? <BudgetResult round={round} result={round.results} headingLevel={5} /> : null}
          <ConfirmAllocation round={round} />
        </>
      ) : round.secret && round.status === VotingRoundStatus.Open ? (
        <p className="kern-body kern-body--small">{t('live.console.voting.secretTallyHidden')}</p>
      ) : null}
      {round.status === VotingRoundStatus.Draft || round.status === VotingRoundStatus.Open ? <RoundTranslations round={round} /> : null}
      {round.status !== VotingRoundStatus.Draft ? <HallTallyForm round={round} /> : null}
    </article>
  );
}

/** The round's translations, until it closes: each language saved or removed on its own; open rounds reach the phones at once. */
function RoundTranslations({ round }: { round: LiveRound }) {
  const { live, announce } = useConsole();
  const { t } = useTranslation();
  const definition = votingType(round.type);
  const labels = definition.options.kind !== 'fixed' ? round.options.map((o) => o.label) : [];
  const send = async (language: Language, translation: FieldValues | null) => {
    const answer = await live.send('round:translation', {
      roundId: round.id,
      language,
      translation: translation ? translationInput(translation, labels.length ? labels.length : null) : null,
    });
    const name = LANGUAGE_ENDONYMS[language];
    if (answer.ok) announce(t(translation ? 'live.console.translations.saved' : 'live.console.translations.removed', { language: name }));
    return answer;
  };
  return (
    <TranslationsLive
      idPrefix={`round-${round.id}-translation`}
      fields={roundFields(t, round.question, labels)}
      saved={savedValues(round)}
      onSave={(language, values) => send(language, values)}
      onRemove={(language) => send(language, null)}
      context={round.question}
      hint={fixedOptionsHint(t, definition)}
    />
  );
}

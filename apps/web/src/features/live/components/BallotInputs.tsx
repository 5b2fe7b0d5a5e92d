import { budgetSum, maxChoicesOf, type BallotContent, type BallotInputKind, type Language, type LiveRound } from '@app/shared';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { formatCents } from '../../../components/budget/money';
import '../../../components/budget/budget.css';
import { optionShown, Typed } from './typed-text';

/** What every ballot input gets: the round and the ballot so far, and how to change it. */
export interface BallotInputProps {
  round: LiveRound;
  content: BallotContent;
  onChange: (content: BallotContent) => void;
  /** The options' language (the moderator's translation where there is one); the ballot sends option ids only. */
  language: Language;
}

/**
 * One or several of the options: radio buttons, or checkboxes with a count of the chosen ones. A budget
 * vote's checkboxes show each item's amount, and the running sum with the money left instead of the
 * count (read out politely as it changes; over the budget with the text the form refuses it with).
 */
function ChoiceInput({
  round,
  content,
  onChange,
  multiple,
  language,
  budget = false,
}: BallotInputProps & { multiple: boolean; budget?: boolean }) {
  const { t, i18n } = useTranslation();
  const chosen = content.optionIds ?? [];
  const maxChoices = maxChoicesOf(round);
  const money = (cents: number) => formatCents(cents, i18n.language);
  const budgetCents = round.budgetCents ?? 0;
  const sumCents = budget ? budgetSum(round, chosen) : 0;
  return (
    <>
      <div className="kern-fieldset__body">
        {round.options.map((option) => {
          const id = `vote-${round.id}-${option.id}`;
          return (
            <div className="kern-form-check live-vote__option" key={option.id}>
              <input
                className={multiple ? 'kern-form-check__checkbox' : 'kern-form-check__radio'}
                type={multiple ? 'checkbox' : 'radio'}
                name={`vote-${round.id}`}
                id={id}
                value={option.id}
                checked={chosen.includes(option.id)}
                onChange={(event) => {
                  if (!multiple) onChange({ optionIds: [option.id] });
                  else
                    onChange({
                      optionIds: event.target.checked ? [...chosen, option.id] : chosen.filter((value) => value !== option.id),
                    });
                }}
              />
              <label className={budget ? 'kern-label live-budget-option__label' : 'kern-label'} htmlFor={id}>
                <Typed text={optionShown(t, round, option, language)} />
                {budget ? <span className="live-budget-option__amount">{money(option.amountCents ?? 0)}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      {budget ? (
        <p
          className={`kern-body live-vote__left live-budget-sum${sumCents > budgetCents ? ' live-budget-sum--over' : ''}`}
          aria-live="polite"
        >
          {t(sumCents > budgetCents ? 'live.vote.errors.overBudget' : 'live.vote.budgetSum', {
            sumCents: money(sumCents),
            budgetCents: money(budgetCents),
            leftCents: money(budgetCents - sumCents),
          })}
        </p>
      ) : multiple ? (
        <p className="kern-body live-vote__left" aria-live="polite">
          {t('live.vote.chosenOf', { count: chosen.length, max: maxChoices })}
        </p>
      ) : null}
    </>
  );
}

/** Points per option with − and + buttons, and how many are left. */
function PointsInput({ round, content, onChange, language }: BallotInputProps) {
  const { t } = useTranslation();
  const totalPoints = round.points ?? 0;
  const points = new Map((content.points ?? []).map((p) => [p.optionId, p.points]));
  const used = [...points.values()].reduce((sum, value) => sum + value, 0);
  const left = totalPoints - used;
  return (
    <>
      <div className="kern-fieldset__body">
        {round.options.map((option) => {
          const value = points.get(option.id) ?? 0;
          const id = `vote-${round.id}-${option.id}`;
          const label = optionShown(t, round, option, language);
          const set = (next: number) => {
            const updated = new Map(points).set(option.id, Math.max(0, Math.min(totalPoints, next)));
            onChange({ points: [...updated].map(([optionId, p]) => ({ optionId, points: p })) });
          };
          return (
            <div className="live-dots" key={option.id}>
              <label className="kern-label" htmlFor={id}>
                <Typed text={label} />
              </label>
              <div className="live-dots__controls">
                <Button
                  variant="secondary"
                  small
                  onClick={() => set(value - 1)}
                  aria-label={t('live.vote.lessPoints', { option: label.text })}
                  disabled={value <= 0}
                >
                  −
                </Button>
                <input
                  className="kern-form-input__input live-dots__input"
                  type="number"
                  inputMode="numeric"
                  id={id}
                  min={0}
                  max={totalPoints}
                  value={value}
                  onChange={(event) => set(Number(event.target.value) || 0)}
                />
                <Button
                  variant="secondary"
                  small
                  onClick={() => set(value + 1)}
                  aria-label={t('live.vote.morePoints', { option: label.text })}
                  disabled={left <= 0}
                >
                  +
                </Button>
              </div>
            </div>
          );
        })}
      </div>
      <p className="kern-body live-vote__left" aria-live="polite">
        {t('live.vote.pointsLeft', { count: Math.max(0, left), total: totalPoints })}
      </p>
    </>
  );
}

/** The ballot input of each kind the voting model names (a new voting type with a new kind adds one here). */
export const BALLOT_INPUTS: Record<BallotInputKind, ComponentType<BallotInputProps>> = {
  single: (props) => <ChoiceInput {...props} multiple={false} />,
  multiple: (props) => <ChoiceInput {...props} multiple />,
  points: PointsInput,
  budget: (props) => <ChoiceInput {...props} multiple budget />,
};

/** The ballot as sent: points of zero are left out. */
export function ballotToSend(content: BallotContent): BallotContent {
  return content.points ? { points: content.points.filter((p) => p.points > 0) } : { optionIds: content.optionIds ?? [] };
}

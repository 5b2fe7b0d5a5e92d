import { budgetSum } from '@app/shared';
import { useTranslation } from 'react-i18next';
import type { BallotInputProps } from '../BallotInputs';
import { optionShown, Typed } from '../typed-text';
import { formatCents } from './money';
import './budget.css';

/**
 * A budget ballot: a checkbox per item with its amount, the running sum and the money left (read out
 * politely as it changes). Going over the budget is shown at once with the server's text; the form
 * refuses to send it (VoteForm checks the ballot with the same voting model).
 */
export function BudgetBallotInput({ round, content, onChange, language }: BallotInputProps) {
  const { t, i18n } = useTranslation();
  const chosen = content.optionIds ?? [];
  const budgetCents = round.budgetCents ?? 0;
  const sumCents = budgetSum(round, chosen);
  const leftCents = budgetCents - sumCents;
  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <>
      <div className="kern-fieldset__body">
        {round.options.map((option) => {
          const id = `vote-${round.id}-${option.id}`;
          return (
            <div className="kern-form-check live-vote__option live-budget-option" key={option.id}>
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                name={`vote-${round.id}`}
                id={id}
                value={option.id}
                checked={chosen.includes(option.id)}
                onChange={(event) =>
                  onChange({ optionIds: event.target.checked ? [...chosen, option.id] : chosen.filter((value) => value !== option.id) })
                }
              />
              <label className="kern-label live-budget-option__label" htmlFor={id}>
                <Typed text={optionShown(t, round, option, language)} />
                <span className="live-budget-option__amount">{money(option.amountCents ?? 0)}</span>
              </label>
            </div>
          );
        })}
      </div>
      <p
        className={
          leftCents < 0 ? 'kern-body live-vote__left live-budget-sum live-budget-sum--over' : 'kern-body live-vote__left live-budget-sum'
        }
        aria-live="polite"
      >
        {leftCents < 0
          ? t('live.vote.errors.overBudget', { sumCents: money(sumCents), budgetCents: money(budgetCents) })
          : t('live.vote.budgetSum', { sumCents: money(sumCents), budgetCents: money(budgetCents), leftCents: money(leftCents) })}
      </p>
    </>
  );
}

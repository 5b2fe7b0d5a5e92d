import { useTranslation } from 'react-i18next';
import { BudgetChecklist } from '../../../../components/budget/BudgetChecklist';
import type { BallotInputProps } from '../BallotInputs';
import { optionShown, Typed } from '../typed-text';

/**
 * A budget ballot: a checkbox per item with its amount, the running sum and the money left (read out
 * politely as it changes). Going over the budget is shown at once with the server's text; the form
 * refuses to send it (VoteForm checks the ballot with the same voting model).
 */
export function BudgetBallotInput({ round, content, onChange, language }: BallotInputProps) {
  const { t, i18n } = useTranslation();
  return (
    <BudgetChecklist
      idPrefix={`vote-${round.id}`}
      items={round.options.map((option) => ({
        id: option.id,
        label: <Typed text={optionShown(t, round, option, language)} />,
        amountCents: option.amountCents ?? 0,
      }))}
      chosen={content.optionIds ?? []}
      onChange={(optionIds) => onChange({ optionIds })}
      budgetCents={round.budgetCents ?? 0}
      language={i18n.language}
      sumText={(money) => t('live.vote.budgetSum', money)}
      overText={(money) => t('live.vote.errors.overBudget', money)}
    />
  );
}

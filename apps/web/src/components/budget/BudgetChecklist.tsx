import type { ReactNode } from 'react';
import { formatCents } from './money';
import './budget.css';

export interface BudgetChecklistItem {
  id: string;
  /** What is shown for the item (a name, a link). */
  label: ReactNode;
  amountCents: number;
  /** Shown after the item's label, outside it (e.g. a link to the application). */
  after?: ReactNode;
}

/**
 * A budget ballot's core, for the live vote's phones and the fund's online vote: a checkbox per item
 * with its amount, and under it the running sum and the money left, read out politely as it changes.
 * The caller gives the texts (its own text set) as functions of the formatted amounts.
 */
export function BudgetChecklist({
  idPrefix,
  items,
  chosen,
  onChange,
  budgetCents,
  language,
  sumText,
  overText,
  disabled,
}: {
  idPrefix: string;
  items: BudgetChecklistItem[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  budgetCents: number;
  language: string;
  sumText: (money: { sumCents: string; budgetCents: string; leftCents: string }) => string;
  overText: (money: { sumCents: string; budgetCents: string }) => string;
  disabled?: boolean;
}) {
  const sumCents = items.filter((item) => chosen.includes(item.id)).reduce((sum, item) => sum + item.amountCents, 0);
  const leftCents = budgetCents - sumCents;
  const money = (cents: number) => formatCents(cents, language);
  return (
    <>
      <div className="kern-fieldset__body">
        {items.map((item) => {
          const id = `${idPrefix}-${item.id}`;
          return (
            <div className="kern-form-check live-vote__option live-budget-option" key={item.id}>
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                name={idPrefix}
                id={id}
                value={item.id}
                disabled={disabled}
                checked={chosen.includes(item.id)}
                onChange={(event) => onChange(event.target.checked ? [...chosen, item.id] : chosen.filter((value) => value !== item.id))}
              />
              <label className="kern-label live-budget-option__label" htmlFor={id}>
                {item.label}
                <span className="live-budget-option__amount">{money(item.amountCents)}</span>
              </label>
              {item.after ? <div className="budget-checklist__after">{item.after}</div> : null}
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
          ? overText({ sumCents: money(sumCents), budgetCents: money(budgetCents) })
          : sumText({ sumCents: money(sumCents), budgetCents: money(budgetCents), leftCents: money(leftCents) })}
      </p>
    </>
  );
}

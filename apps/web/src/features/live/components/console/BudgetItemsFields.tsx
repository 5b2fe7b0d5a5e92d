import { VOTING_OPTION_LABEL_MAX, VOTING_OPTIONS_MAX, type BudgetItemInput } from '@app/shared';
import { parseEuroInput } from '@app/shared/funds/money';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import '../../../../components/budget/budget.css';

/** One row of the item editor as typed: the label and the amount in euros (text, parsed on sending). */
export interface BudgetItemRow {
  key: number;
  label: string;
  amount: string;
  /** Taken over from a fund: the application's id and submission time (kept while the row exists). */
  refId?: string | null;
  submittedAt?: string | null;
}
export interface BudgetDraft {
  budget: string;
  rows: BudgetItemRow[];
}

let nextKey = 1;
const newRow = (): BudgetItemRow => ({ key: nextKey++, label: '', amount: '' });
export const emptyBudgetDraft = (): BudgetDraft => ({ budget: '', rows: [newRow(), newRow()] });

/** Cents as the console's amount text ("1234,56"), read back by parseEuroInput. */
const centsText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** A fund's remaining money and its applications on the agenda as the draft (one row each). */
export function fundBudgetDraft(
  budgetCents: number,
  applications: Array<{ id: string; title: string; requestedAmountCents: number; submittedAt: string | null }>,
): BudgetDraft {
  return {
    budget: centsText(budgetCents),
    rows: [
      ...applications.map((a) => ({
        key: nextKey++,
        label: a.title,
        amount: centsText(a.requestedAmountCents),
        refId: a.id,
        submittedAt: a.submittedAt,
      })),
      ...(applications.length < 2 ? [newRow()] : []),
    ],
  };
}

/**
 * The budget and the items as sent (cents, read by parseEuroInput like every amount of the fund), or the
 * first problem in the console's words. Empty rows are left out.
 */
export function budgetInput(t: TFunction, draft: BudgetDraft): { budgetCents: number; items: BudgetItemInput[] } | { problem: string } {
  const budget = parseEuroInput(draft.budget);
  if (!budget.ok || budget.cents === 0) return { problem: t('live.console.voting.errors.budget') };
  const filled = draft.rows.filter((row) => row.label.trim() || row.amount.trim());
  if (filled.length < 2 || filled.length > VOTING_OPTIONS_MAX)
    return { problem: t('live.console.voting.errors.items', { max: VOTING_OPTIONS_MAX }) };
  const items: BudgetItemInput[] = [];
  for (const [index, row] of filled.entries()) {
    const n = index + 1;
    if (!row.label.trim()) return { problem: t('live.console.voting.errors.items', { max: VOTING_OPTIONS_MAX }) };
    const amount = parseEuroInput(row.amount);
    if (!amount.ok || amount.cents === 0) return { problem: t('live.console.voting.errors.itemAmount', { n }) };
    if (amount.cents > budget.cents) return { problem: t('live.console.voting.errors.itemOverBudget', { n }) };
    items.push({
      label: row.label.trim(),
      amountCents: amount.cents,
      ...(row.refId ? { refId: row.refId, submittedAt: row.submittedAt ?? null } : {}),
    });
  }
  return { budgetCents: budget.cents, items };
}

/** The console's budget field and its item rows (label and amount each, added and removed one by one). */
export function BudgetItemsFields({ draft, onChange }: { draft: BudgetDraft; onChange: (draft: BudgetDraft) => void }) {
  const { t } = useTranslation();
  const setRow = (key: number, change: Partial<BudgetItemRow>) =>
    onChange({ ...draft, rows: draft.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  return (
    <>
      <FormField id="round-budget" label={t('live.console.voting.budget')} hint={t('live.console.voting.budgetHint')}>
        {(aria) => (
          <input
            id="round-budget"
            {...aria}
            className={`${aria.className} live-number`}
            inputMode="decimal"
            value={draft.budget}
            onChange={(event) => onChange({ ...draft, budget: event.target.value })}
          />
        )}
      </FormField>
      <fieldset className="kern-fieldset live-budget-items">
        <legend className="kern-label">{t('live.console.voting.items')}</legend>
        <ol className="live-budget-items__list">
          {draft.rows.map((row, index) => {
            const n = index + 1;
            return (
              <li key={row.key} className="live-budget-items__row">
                <FormField id={`round-item-${row.key}-label`} label={t('live.console.voting.itemLabel', { n })}>
                  {(aria) => (
                    <input
                      id={`round-item-${row.key}-label`}
                      {...aria}
                      maxLength={VOTING_OPTION_LABEL_MAX}
                      value={row.label}
                      onChange={(event) => setRow(row.key, { label: event.target.value })}
                    />
                  )}
                </FormField>
                <FormField id={`round-item-${row.key}-amount`} label={t('live.console.voting.itemAmount', { n })}>
                  {(aria) => (
                    <input
                      id={`round-item-${row.key}-amount`}
                      {...aria}
                      className={`${aria.className} live-number`}
                      inputMode="decimal"
                      value={row.amount}
                      onChange={(event) => setRow(row.key, { amount: event.target.value })}
                    />
                  )}
                </FormField>
                <Button
                  small
                  variant="tertiary"
                  icon="delete"
                  disabled={draft.rows.length <= 2}
                  onClick={() => onChange({ ...draft, rows: draft.rows.filter((r) => r.key !== row.key) })}
                >
                  {t('live.console.voting.removeItem', { n })}
                </Button>
              </li>
            );
          })}
        </ol>
        <Button
          small
          variant="secondary"
          icon="add"
          disabled={draft.rows.length >= VOTING_OPTIONS_MAX}
          onClick={() => onChange({ ...draft, rows: [...draft.rows, newRow()] })}
        >
          {t('live.console.voting.addItem')}
        </Button>
      </fieldset>
    </>
  );
}

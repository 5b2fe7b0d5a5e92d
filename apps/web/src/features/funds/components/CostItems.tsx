import type { ApplicationCostItem } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { FieldError, TextField } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import type { TextBinding } from '../../../lib/use-form';
import { centsToInput, readEuros, useEuro } from './funds-text';

/** The form keeps cost item i as `costItems.i.label` and `costItems.i.amountCents` (as typed): the API's error paths. */
export function costItemValues(items: ApplicationCostItem[], language: string, fresh: boolean): Record<string, string> {
  const values: Record<string, string> = {};
  items.forEach((item, index) => {
    values[`costItems.${index}.label`] = item.label;
    values[`costItems.${index}.amountCents`] = fresh ? '' : centsToInput(item.amountCents, language);
  });
  return values;
}

/** The typed rows as cost items in cents, the parser's problems per amount field, and the sum (null while a row does not parse). */
export function readCostItems(values: Record<string, string>, rows: number) {
  const items: ApplicationCostItem[] = [];
  const errors: FieldErrors = {};
  let total: number | null = 0;
  for (let index = 0; index < rows; index += 1) {
    const field = `costItems.${index}.amountCents`;
    const typed = (values[field] ?? '').trim();
    const label = (values[`costItems.${index}.label`] ?? '').trim();
    if (!typed) {
      total = null;
      items.push({ label, amountCents: 0 });
      continue;
    }
    const read = readEuros(typed);
    if ('problem' in read) {
      errors[field] = [read.problem];
      total = null;
      items.push({ label, amountCents: 0 });
    } else {
      items.push({ label, amountCents: read.cents });
      if (total !== null) total += read.cents;
    }
  }
  return { items, errors, total };
}

interface CostItemsProps {
  bindings: { label: TextBinding; amount: TextBinding }[];
  /** The requested amount: only its id and the messages about it (it is the sum, not typed). */
  sum: TextBinding;
  maxCents: number;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** The cost items as rows of what and how much, with the requested amount (their sum) shown as they are typed. */
export function CostItems({ bindings, sum, maxCents, onAdd, onRemove }: CostItemsProps) {
  const { t } = useTranslation();
  const euro = useEuro();
  const values = Object.fromEntries(
    bindings.flatMap((row) => [
      [row.label.name, row.label.value],
      [row.amount.name, row.amount.value],
    ]),
  );
  const { total } = readCostItems(values, bindings.length);
  return (
    <fieldset className="kern-fieldset cost-items">
      <legend className="kern-label">
        <span id="cost-items-title" tabIndex={-1}>
          {t('funds.form.costItemsTitle')}
        </span>
      </legend>
      <p className="kern-hint">{t('funds.form.costItemsHint', { max: euro(maxCents) })}</p>
      <ol className="cost-items__rows">
        {bindings.map((row, index) => (
          <li key={row.label.id} className="cost-items__row">
            <TextField {...row.label} />
            <TextField {...row.amount} hint={t('funds.form.euroHint')} inputMode="decimal" autoComplete="off" />
            {bindings.length > 1 ? (
              <Button variant="tertiary" small icon="delete" onClick={() => onRemove(index)}>
                {t('funds.form.removeCost', { number: index + 1 })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      <Button variant="secondary" small icon="add" onClick={onAdd}>
        {t('funds.form.addCost')}
      </Button>
      <p className="kern-body kern-body--bold cost-items__sum" id={sum.id} tabIndex={-1}>
        {total === null ? t('funds.form.sumPending') : t('funds.form.sum', { amount: euro(total), max: euro(maxCents) })}
      </p>
      {sum.errors.length > 0 ? <FieldError id={`${sum.id}-error`} errors={sum.errors} /> : null}
    </fieldset>
  );
}

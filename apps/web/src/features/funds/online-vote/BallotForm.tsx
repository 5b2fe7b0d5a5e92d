import type { FundOnlineVote, OnlineBallotReceipt } from '@app/shared/funds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BudgetChecklist } from '../../../components/budget/BudgetChecklist';
import { formatCents } from '../../../components/budget/money';
import { Alert } from '../../../components/ui/Alert';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { FormError } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useOnlineVoteActions } from './api';

/**
 * The ballot: the applications with amount and a link to each, the running sum and the money left,
 * and for a binding vote the personal voting code (filled in from the letter's QR link, ?code=).
 * After casting, a confirmation that says when the result comes.
 */
export function BallotForm({ vote }: { vote: FundOnlineVote }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const actions = useOnlineVoteActions(vote.fundId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<OnlineBallotReceipt | null>(null);
  const sumCents = vote.items.filter((i) => chosen.includes(i.applicationId)).reduce((sum, i) => sum + i.amountCents, 0);
  const form = useForm({
    id: 'fund-ballot',
    initialValues: { code: params.get('code') ?? '' },
    onSubmit: async (values) => {
      if (chosen.length === 0) throw new FormError({ key: 'funds.vote.ballot.chooseOne' });
      if (sumCents > vote.budgetCents) throw new FormError({ key: 'funds.vote.ballot.over', params: money(sumCents, vote.budgetCents) });
      setReceipt(await actions.cast({ applicationIds: chosen, ...(vote.binding ? { code: values.code } : {}) }));
    },
  });
  function money(sum: number, budget: number) {
    return { sumCents: formatCents(sum, i18n.language), budgetCents: formatCents(budget, i18n.language) };
  }
  if (receipt)
    return (
      <Alert variant="success" role="status" title={t('funds.vote.ballot.cast')}>
        <p className="kern-body">{t('funds.vote.ballot.castHint')}</p>
      </Alert>
    );
  return (
    <Form form={form} submitLabel={t('funds.vote.ballot.submit')} aria-labelledby="fund-ballot-title">
      <fieldset className="kern-fieldset" id="fund-ballot-items" aria-describedby="fund-ballot-hint">
        <legend className="kern-label" id="fund-ballot-title">
          {t('funds.vote.ballot.legend')}
        </legend>
        <p className="kern-hint" id="fund-ballot-hint">
          {t('funds.vote.ballot.hint', { budget: formatCents(vote.budgetCents, i18n.language) })}
        </p>
        <BudgetChecklist
          idPrefix="fund-ballot-item"
          items={vote.items.map((item) => ({
            id: item.applicationId,
            label: <span>{item.title}</span>,
            amountCents: item.amountCents,
            after: (
              <Link className="kern-link kern-body--small" to={`/fonds/antraege/${item.applicationId}`}>
                {t('funds.vote.ballot.purpose', { title: item.title })}
              </Link>
            ),
          }))}
          chosen={chosen}
          onChange={setChosen}
          budgetCents={vote.budgetCents}
          language={i18n.language}
          sumText={(m) => t('funds.vote.ballot.sum', m)}
          overText={(m) => t('funds.vote.ballot.over', m)}
        />
      </fieldset>
      {vote.binding ? (
        <TextField
          {...form.field('code', { label: t('funds.vote.ballot.code'), required: true, minLength: 10, maxLength: 40 })}
          hint={t('funds.vote.ballot.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
      ) : null}
    </Form>
  );
}

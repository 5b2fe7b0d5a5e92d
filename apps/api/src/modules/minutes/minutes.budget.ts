import { intlLocale, type Language, type RoundDefinition } from '@app/shared';
import { readBudget } from '@app/shared/voting/reading';
import { centsToEuros, euroFormatOptions } from '@app/shared/funds';
import { tr, type MinutesTextKey } from './minutes.i18n';
import type { MinutesBlock, MinutesData } from './minutes.model';

/** An amount in cents as euros in the minutes' language (Intl; never arithmetic on the result). */
export function money(lang: Language, cents: number): string {
  return new Intl.NumberFormat(intlLocale(lang), euroFormatOptions()).format(centsToEuros(cents));
}

/** A text's values with every `…Cents` value shown as money (the voting model hands over cents). */
export function withMoney(lang: Language, values: Record<string, number> = {}): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k.endsWith('Cents') ? money(lang, v) : v]));
}

const OUTCOME: Record<string, MinutesTextKey> = {
  funded: 'budgetFunded',
  does_not_fit: 'budgetDoesNotFit',
  money_ran_out: 'budgetMoneyRanOut',
  no_votes: 'budgetNoVotes',
};
const TIE_BREAK: Record<string, MinutesTextKey> = {
  smaller_amount: 'budgetTieSmallerAmount',
  earlier_submission: 'budgetTieEarlierSubmission',
  id: 'budgetTieId',
};

/**
 * A budget round's allocation in the minutes: the items in ranking order with amount, votes (app,
 * hall, together) and whether the money reached them; the budget, the allocated and the remaining
 * money; each tie with the rule that broke it; whether the moderator confirmed it.
 */
export function budgetBlocks(lang: Language, round: MinutesData['rounds'][number] & RoundDefinition, hallEntered: boolean): MinutesBlock[] {
  const t = (key: MinutesTextKey, values?: Record<string, string | number>) => tr(lang, key, values);
  const n = (value: number) => new Intl.NumberFormat(intlLocale(lang)).format(value);
  const budget = readBudget(round, round.tallies);
  const label = new Map(budget.lines.map((l) => [l.optionId, l.label]));
  const blocks: MinutesBlock[] = [
    {
      kind: 'table',
      caption: t('budgetAllocation'),
      headers: [t('budgetRank'), t('budgetItem'), t('budgetAmount'), t('online'), t('hall'), t('total'), t('budgetOutcome')],
      numeric: [true, false, true, true, true, true, false],
      rows: budget.lines.map((l) => [
        n(l.rank),
        l.label,
        money(lang, l.amountCents),
        n(l.online),
        hallEntered ? n(l.hall) : t('none'),
        n(l.votes),
        t(OUTCOME[l.outcome]),
      ]),
    },
    {
      kind: 'fields',
      rows: [
        { label: t('budgetTotal'), value: money(lang, budget.budgetCents) },
        { label: t('budgetAllocated'), value: money(lang, budget.allocatedCents) },
        { label: t('budgetRemaining'), value: money(lang, budget.remainingCents) },
        {
          label: t('budgetConfirmed'),
          value: round.allocation ? t('budgetConfirmedYes') : t('budgetConfirmedNo'),
        },
      ],
    },
    { kind: 'paragraph', text: t('budgetRule') },
  ];
  for (const tie of budget.ties)
    blocks.push({
      kind: 'paragraph',
      text: t('budgetTie', {
        above: label.get(tie.aboveId) ?? tie.aboveId,
        below: label.get(tie.belowId) ?? tie.belowId,
        votes: n(tie.votes),
        rule: t(TIE_BREAK[tie.decidedBy]),
      }),
    });
  return blocks;
}

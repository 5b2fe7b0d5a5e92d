import type { FundBalance as Balance } from '@app/shared/funds';
import { useTranslation } from 'react-i18next';
import { useEuro } from './funds-text';

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0);

/**
 * The fund's money: a bar (decorative: paid, approved but not yet paid, remaining) and the figures,
 * which carry the information for everyone, screen readers included.
 */
export function FundBalanceView({ balance, id }: { balance: Balance; id: string }) {
  const { t } = useTranslation();
  const euro = useEuro();
  const paidShare = percent(balance.paidCents - balance.returnedCents, balance.amountCents);
  const approvedShare = percent(balance.approvedCents - balance.paidCents, balance.amountCents);
  return (
    <div className="fund-balance">
      <div className="fund-balance__bar" aria-hidden="true">
        <span className="fund-balance__paid" style={{ width: `${paidShare}%` }} />
        <span className="fund-balance__approved" style={{ width: `${approvedShare}%` }} />
      </div>
      <dl className="fund-balance__figures" id={`${id}-balance`}>
        <div>
          <dt>{t('funds.balance.amount')}</dt>
          <dd>{euro(balance.amountCents)}</dd>
        </div>
        <div>
          <dt>
            <span className="fund-balance__key fund-balance__key--approved" aria-hidden="true" />
            {t('funds.balance.approved')}
          </dt>
          <dd>{euro(balance.approvedCents)}</dd>
        </div>
        <div>
          <dt>
            <span className="fund-balance__key fund-balance__key--paid" aria-hidden="true" />
            {t('funds.balance.paid')}
          </dt>
          <dd>{euro(balance.paidCents)}</dd>
        </div>
        <div>
          <dt>{t('funds.balance.returned')}</dt>
          <dd>{euro(balance.returnedCents)}</dd>
        </div>
        <div className="fund-balance__remaining">
          <dt>{t('funds.balance.remaining')}</dt>
          <dd>{euro(balance.remainingCents)}</dd>
        </div>
      </dl>
    </div>
  );
}

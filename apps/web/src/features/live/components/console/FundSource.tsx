import type { AssemblyDetail } from '@app/shared';
import type { AgendaApplication, FundSummary } from '@app/shared/funds';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { formatCents } from '../../../../components/budget/money';
import { FormField } from '../../../../components/ui/FormField';
import { api } from '../../../../lib/api-client';
import { describeError, translateMessage, type UiMessage } from '../../../../lib/messages';
import { useConsole } from './ConsoleContext';

/** What a fund fills into the budget round: its remaining money and its applications on the agenda. */
export interface FundRound {
  fund: FundSummary;
  applications: AgendaApplication[];
}

/**
 * The undecided funds, those of the assembly's Aktionsraum and of this year first (then the newer
 * year, then by title): the one the moderator most likely wants is at the top.
 */
export function orderFunds(funds: FundSummary[], areaIds: string[], year: number): FundSummary[] {
  const rank = (fund: FundSummary) => (areaIds.includes(fund.area.id) ? 0 : 2) + (fund.year === year ? 0 : 1);
  return funds.filter((fund) => !fund.decided).sort((a, b) => rank(a) - rank(b) || b.year - a.year || a.title.localeCompare(b.title));
}

/**
 * "Aus dem Aktionsraumfonds übernehmen": the moderator picks an undecided fund and takes over its
 * applications on the agenda as the round's items (title, requested amount, application id,
 * submission time) and its remaining money as the budget; everything stays editable afterwards.
 */
export function FundSource({ onLoad }: { onLoad: (round: FundRound) => void }) {
  const { t, i18n } = useTranslation();
  const { state, announce } = useConsole();
  // The assembly's Aktionsraum (the live state does not carry it); the same query as the live frame's
  // (useAssemblyForLive, not imported: that would split its module out of the participant's live chunk).
  const assembly = useQuery({
    queryKey: ['assemblies', 'detail', state.assemblyId],
    queryFn: () => api.get<AssemblyDetail>(`/api/assemblies/${encodeURIComponent(state.assemblyId)}`),
    retry: false,
  });
  const funds = useQuery({ queryKey: ['funds', 'list', {}], queryFn: () => api.get<FundSummary[]>('/api/funds') });
  const [fundId, setFundId] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const areaIds = assembly.data?.areas.map((area) => area.id) ?? [];
  const choices = orderFunds(funds.data ?? [], areaIds, new Date().getFullYear());
  const selected = choices.find((fund) => fund.id === fundId) ?? choices[0];
  const money = (cents: number) => formatCents(cents, i18n.language);

  const say = (text: string, problem = false) => {
    setStatus({ text, problem });
    if (!problem) announce(text);
  };

  async function load() {
    if (!selected) return;
    setBusy(true);
    try {
      const applications = await api.get<AgendaApplication[]>(`/api/funds/${encodeURIComponent(selected.id)}/agenda`);
      if (applications.length === 0) {
        say(t('live.console.voting.fund.empty', { title: selected.title }), true);
        return;
      }
      onLoad({ fund: selected, applications });
      say(
        t('live.console.voting.fund.loaded', {
          count: applications.length,
          title: selected.title,
          budget: money(selected.balance.remainingCents),
        }),
      );
    } catch (error) {
      const message: UiMessage = describeError(error).formError;
      say(translateMessage(t, message), true);
    } finally {
      setBusy(false);
    }
  }

  if (funds.isPending) return <p className="kern-body">{t('live.console.voting.fund.loading')}</p>;
  if (choices.length === 0) return null;
  return (
    <div className="live-fund-source">
      <FormField
        id="round-fund"
        label={t('live.console.voting.fund.select')}
        hint={t('live.console.voting.fund.hint')}
        inputClass="kern-form-input__select"
      >
        {(aria) => (
          <div className="kern-form-input__select-wrapper">
            <select id="round-fund" {...aria} value={selected?.id ?? ''} onChange={(event) => setFundId(event.target.value)}>
              {choices.map((fund) => (
                <option key={fund.id} value={fund.id}>
                  {t('live.console.voting.fund.option', { title: fund.title, remaining: money(fund.balance.remainingCents) })}
                </option>
              ))}
            </select>
          </div>
        )}
      </FormField>
      <Button variant="secondary" small icon="arrow-down" busy={busy} onClick={() => void load()}>
        {t('live.console.voting.fund.load')}
      </Button>
      {status ? (
        <p className={status.problem ? 'kern-error' : 'kern-body'} role={status.problem ? 'alert' : undefined} id="round-fund-status">
          <span className="kern-body">{status.text}</span>
        </p>
      ) : null}
    </div>
  );
}

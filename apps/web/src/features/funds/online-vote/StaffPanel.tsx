import type { FundOnlineVote } from '@app/shared/funds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { CheckboxField, TextField } from '../../../components/ui/FormField';
import { Form } from '../../../components/ui/Form';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useOnlineVoteActions } from './api';

/** A datetime-local value (the browser's local time) as an ISO time; '' stays '' (the API says what is missing). */
const isoOf = (local: string) => (local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : local);

/** Opening the fund's vote: period and binding (moderators of the area, administrators). */
export function OpenVoteForm({ fundId }: { fundId: string }) {
  const { t } = useTranslation();
  const actions = useOnlineVoteActions(fundId);
  const form = useForm({
    id: 'fund-vote-open',
    initialValues: { startsAt: '', endsAt: '', binding: true },
    onSubmit: async (values) => {
      await actions.open({ startsAt: isoOf(values.startsAt), endsAt: isoOf(values.endsAt), binding: values.binding });
    },
  });
  return (
    <section className="section" aria-labelledby="fund-vote-open-title">
      <h2 className="kern-heading-medium" id="fund-vote-open-title">
        {t('funds.vote.staff.openTitle')}
      </h2>
      <p className="kern-body">{t('funds.vote.staff.openHint')}</p>
      <Form form={form} submitLabel={t('funds.vote.staff.open')} aria-labelledby="fund-vote-open-title">
        <TextField {...form.field('startsAt', { label: t('funds.vote.staff.startsAt'), required: true })} type="datetime-local" />
        <TextField {...form.field('endsAt', { label: t('funds.vote.staff.endsAt'), required: true })} type="datetime-local" />
        <CheckboxField {...form.checkbox('binding', { label: t('funds.vote.staff.binding') })} hint={t('funds.vote.staff.bindingHint')} />
      </Form>
    </section>
  );
}

/** One action button with its own busy state and answer (success or the API's message). */
function Action({
  label,
  done,
  run,
  variant = 'secondary',
}: {
  label: string;
  done: string;
  run: () => Promise<void>;
  variant?: 'primary' | 'secondary';
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; message: UiMessage | string } | null>(null);
  return (
    <div className="section">
      <Button
        variant={variant}
        busy={busy}
        onClick={() => {
          setBusy(true);
          setAnswer(null);
          run()
            .then(() => setAnswer({ ok: true, message: done }))
            .catch((error: unknown) => setAnswer({ ok: false, message: describeError(error).formError }))
            .finally(() => setBusy(false));
        }}
      >
        {label}
      </Button>
      <div role="status">
        {answer ? (
          <Alert
            variant={answer.ok ? 'success' : 'danger'}
            title={typeof answer.message === 'string' ? answer.message : translateMessage(t, answer.message)}
          />
        ) : null}
      </div>
    </div>
  );
}

/** Running or ended vote: printing voting codes, ending early, confirming the result into the fund's decision. */
export function StaffPanel({ vote }: { vote: FundOnlineVote }) {
  const { t } = useTranslation();
  const actions = useOnlineVoteActions(vote.fundId);
  const [count, setCount] = useState('40');
  return (
    <section className="section" aria-labelledby="fund-vote-staff-title">
      <h2 className="kern-heading-medium" id="fund-vote-staff-title">
        {t('funds.vote.staff.title')}
      </h2>
      {vote.binding && vote.status !== 'ended' ? (
        <>
          <p className="kern-body">{t('funds.vote.staff.codesIssued', { count: vote.codeCount })}</p>
          <TextField
            id="fund-vote-code-count"
            name="count"
            label={t('funds.vote.staff.count')}
            errors={[]}
            value={count}
            onChange={setCount}
            type="number"
            min={1}
            max={300}
            inputMode="numeric"
          />
          <Action label={t('funds.vote.staff.codes')} done={t('funds.vote.staff.codesDone')} run={() => actions.codes(Number(count))} />
        </>
      ) : null}
      {vote.status !== 'ended' ? (
        <Action label={t('funds.vote.staff.close')} done={t('funds.vote.staff.closed')} run={actions.close} />
      ) : null}
      {vote.status === 'ended' && !vote.confirmedAt ? (
        <Action variant="primary" label={t('funds.vote.staff.confirm')} done={t('funds.vote.staff.confirmed')} run={actions.confirm} />
      ) : null}
    </section>
  );
}

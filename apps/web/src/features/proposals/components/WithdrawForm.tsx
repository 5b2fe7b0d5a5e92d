import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ConfirmStep } from '../../../components/ui/ConfirmStep';
import { Dialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { flash } from '../../../lib/flash';
import { useForm } from '../../../lib/use-form';
import { useWithdrawProposal } from '../api/proposals';

/**
 * The author withdraws the proposal, with an optional public reason, after confirming it in a
 * dialog. Cancelling returns focus to the button; once withdrawn the page's banner says so (it
 * replaces an earlier one such as "saved") and takes focus.
 */
export function WithdrawForm({ proposalId, title }: { proposalId: string; title: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const done = useRef(false);
  const form = useForm({
    id: 'withdraw',
    initialValues: { reason: '' },
    onSubmit: async (values) => {
      setConfirming(values.reason.trim());
    },
  });
  return (
    <div ref={formRef}>
      <Form form={form} submitLabel={t('proposals.withdraw.submit')} submitVariant="secondary" submitIcon="close">
        <TextField
          {...form.field('reason', { label: t('proposals.withdraw.reason'), maxLength: 1000 })}
          multiline
          rows={3}
          hint={t('proposals.withdraw.reasonHint')}
        />
      </Form>
      {confirming !== null ? (
        <Dialog
          id="withdraw-confirm"
          title={t('proposals.withdraw.confirmTitle')}
          onClose={() => {
            setConfirming(null);
            // After a withdrawal the page's banner has focus; after cancelling, the button does.
            if (!done.current) formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
          }}
        >
          {(close) => (
            <WithdrawConfirmation
              proposalId={proposalId}
              title={title}
              reason={confirming}
              onCancel={close}
              onDone={() => {
                done.current = true;
                close();
              }}
            />
          )}
        </Dialog>
      ) : null}
    </div>
  );
}

function WithdrawConfirmation({
  proposalId,
  title,
  reason,
  onCancel,
  onDone,
}: {
  proposalId: string;
  title: string;
  reason: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawProposal();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <ConfirmStep
      className="withdraw-confirm"
      confirmLabel={t('proposals.withdraw.confirm')}
      icon="close"
      onCancel={onCancel}
      action={async () => {
        await withdraw(proposalId, reason);
        // The dialog closes first (the page is inert while it is open); then the same page gets a new
        // banner, replacing an earlier flash ("saved", "published"), and the banner takes focus.
        onDone();
        await navigate(`${location.pathname}${location.search}`, {
          replace: true,
          state: flash({ key: 'proposals.withdraw.done' }, 'success', { focus: true }),
        });
      }}
    >
      <p className="kern-body">{t('proposals.withdraw.confirmText', { title })}</p>
      {reason ? <p className="kern-body">{t('proposals.withdraw.confirmReason', { reason })}</p> : null}
    </ConfirmStep>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { flash } from '../../../lib/flash';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiMessage | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await withdraw(proposalId, reason);
      // The dialog closes first (the page is inert while it is open); then the same page gets a new
      // banner, replacing an earlier flash ("saved", "published"), and the banner takes focus.
      onDone();
      await navigate(`${location.pathname}${location.search}`, {
        replace: true,
        state: flash({ key: 'proposals.withdraw.done' }, 'success', { focus: true }),
      });
    } catch (caught) {
      setError(describeError(caught).formError);
      setBusy(false);
    }
  }
  return (
    <div className="withdraw-confirm">
      <p className="kern-body">{t('proposals.withdraw.confirmText', { title })}</p>
      {reason ? <p className="kern-body">{t('proposals.withdraw.confirmReason', { reason })}</p> : null}
      {error ? (
        <p className="kern-error" role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{translateMessage(t, error)}</span>
        </p>
      ) : null}
      <div className="kern-btn-wrapper">
        <Button variant="primary" icon="close" busy={busy} onClick={() => void confirm()}>
          {busy ? t('form.submitting') : t('proposals.withdraw.confirm')}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';
import { Button } from './Button';

/**
 * The body of a confirmation dialog: what will happen, an error if the action failed (the dialog
 * stays open so the person can try again or cancel), the confirming button (busy while it runs) and
 * Cancel. `action` does the work and whatever follows it (closing, navigating).
 */
export function ConfirmStep({
  className,
  children,
  confirmLabel,
  icon,
  action,
  onCancel,
}: {
  className: string;
  children: ReactNode;
  confirmLabel: string;
  icon: string;
  action: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiMessage | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught).formError);
      setBusy(false);
    }
  }
  return (
    <div className={className}>
      {children}
      {error ? (
        <p className="kern-error" role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{translateMessage(t, error)}</span>
        </p>
      ) : null}
      <div className="kern-btn-wrapper">
        <Button variant="primary" icon={icon} busy={busy} onClick={() => void confirm()}>
          {busy ? t('form.submitting') : confirmLabel}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

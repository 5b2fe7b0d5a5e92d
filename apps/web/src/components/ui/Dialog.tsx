import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface DialogProps {
  id: string;
  title: string;
  onClose: () => void;
  children: (close: () => void) => ReactNode;
}

/** A modal native <dialog> (focus trap, Esc) opened on mount; closing hands control back. */
export function Dialog({ id, title, onClose, children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Closing goes through state so that children may call it; the dialog fires onClose.
  const [closing, setClosing] = useState(false);
  useEffect(() => {
    if (closing) ref.current?.close();
  }, [closing]);
  const close = () => setClosing(true);
  return (
    <dialog ref={ref} className="kern-dialog app-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--large" id={`${id}-title`}>
          {title}
        </h2>
        <Button variant="tertiary" small icon="close" onClick={close}>
          <span className="kern-sr-only">{t('common.close')}</span>
        </Button>
      </header>
      <div className="kern-dialog__body">{children(close)}</div>
    </dialog>
  );
}

import type { MouseEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage, type UiMessage } from '../../lib/messages';
import type { ErrorListEntry } from '../../lib/use-form';

interface ErrorSummaryProps {
  id: string;
  summaryRef: RefObject<HTMLDivElement | null>;
  formError: UiMessage | null;
  entries: ErrorListEntry[];
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

/**
 * Lists what went wrong at the top of a form, each item linking to its field. It receives
 * focus after a failed submit, so it is announced and the way to every field is one Tab away.
 */
export function ErrorSummary({ id, summaryRef, formError, entries }: ErrorSummaryProps) {
  const { t } = useTranslation();
  if (!formError && entries.length === 0) return null;
  const headingId = `${id}-error-summary-title`;
  return (
    <div ref={summaryRef} tabIndex={-1} className="kern-alert kern-alert--danger app-alert error-summary" aria-labelledby={headingId}>
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title" id={headingId}>
          {t('form.errorSummaryTitle')}
        </h2>
      </div>
      <div className="kern-alert__body">
        {formError ? <p className="kern-body">{translateMessage(t, formError)}</p> : null}
        {entries.length > 0 ? (
          <ul className="kern-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <a className="kern-link" href={`#${entry.id}`} onClick={(event) => focusField(event, entry.id)}>
                  {entry.label}: {entry.messages.map((message) => translateMessage(t, message)).join(' ')}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

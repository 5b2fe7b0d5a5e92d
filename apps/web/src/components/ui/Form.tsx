import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../../lib/messages';
import type { FormFrame } from '../../lib/use-form';
import { Alert } from './Alert';
import { Button } from './Button';
import { ErrorSummary } from './ErrorSummary';

interface FormProps {
  form: FormFrame;
  submitLabel: string;
  submitIcon?: string;
  /** Extra actions next to the submit button (e.g. a cancel link). */
  actions?: ReactNode;
  children: ReactNode;
  /** Visually dangerous actions (account deletion) use the secondary style with a warning above. */
  submitVariant?: 'primary' | 'secondary';
  'aria-labelledby'?: string;
}

/** The one frame around every form: error summary, success status, fields, actions. */
export function Form({ form, submitLabel, submitIcon, actions, children, submitVariant = 'primary', ...aria }: FormProps) {
  const { t } = useTranslation();
  return (
    <form id={form.id} className="app-form" noValidate onSubmit={form.handleSubmit} aria-labelledby={aria['aria-labelledby']}>
      <ErrorSummary id={form.id} summaryRef={form.summaryRef} formError={form.formError} entries={form.errorList()} />
      <div role="status" className="app-form__status">
        {form.success ? <Alert variant="success" title={translateMessage(t, form.success)} /> : null}
      </div>
      {children}
      <div className="kern-btn-wrapper app-form__actions">
        <Button type="submit" variant={submitVariant} icon={submitIcon} busy={form.submitting}>
          {form.submitting ? t('form.submitting') : submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}

import type { ReportTargetType } from '@app/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import { createReport } from '../api/report';

interface ReportButtonProps {
  targetType: ReportTargetType;
  targetId: string;
  /** Names the reported thing for screen readers, e.g. the comment's author. */
  label: string;
}

/** "Report" opens a dialog asking for the reason; the moderation team gets it in its queue. */
export function ReportButton({ targetType, targetId, label }: ReportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const buttonRef = useRef<HTMLSpanElement>(null);
  return (
    <span ref={buttonRef} className="report">
      <Button variant="tertiary" small icon="warning" onClick={() => setOpen(true)} aria-label={label}>
        {t('report.button')}
      </Button>
      <span role="status" className="report__status">
        {done ? <span className="kern-body">{t('report.done')}</span> : null}
      </span>
      {open ? (
        <Dialog
          id={`report-${targetId}`}
          title={t('report.title')}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.querySelector('button')?.focus();
          }}
        >
          {(close) => (
            <ReportForm
              targetType={targetType}
              targetId={targetId}
              onCancel={close}
              onDone={() => {
                setDone(true);
                close();
              }}
            />
          )}
        </Dialog>
      ) : null}
    </span>
  );
}

function ReportForm({
  targetType,
  targetId,
  onCancel,
  onDone,
}: {
  targetType: ReportTargetType;
  targetId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'report',
    initialValues: { reason: '' },
    onSubmit: async (values) => {
      await createReport({ targetType, targetId, reason: values.reason.trim() });
      onDone();
    },
  });
  return (
    <Form
      form={form}
      submitLabel={t('report.submit')}
      actions={
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
    >
      <p className="kern-body">{t('report.intro')}</p>
      <TextField
        {...form.field('reason', { label: t('report.reason'), required: true, minLength: 5, maxLength: 1000 })}
        multiline
        rows={4}
      />
    </Form>
  );
}

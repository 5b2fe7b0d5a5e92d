import { ReportStatus, type ReportResponse } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { formatDate } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useModerationDecision } from '../api/reports';

/** The reports in my areas, open ones first, each with hide or restore. */
export function ReportQueue({ reports }: { reports: ReportResponse[] }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<{ report: ReportResponse; action: 'hide' | 'restore' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sorted = [...reports].sort((a, b) =>
    a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === ReportStatus.Open ? -1 : 1,
  );
  return (
    <>
      <div role="status" className="app-form__status">
        {done ? <Alert variant="success" title={done} /> : null}
      </div>
      <p className="kern-body result-count">{t('moderation.queue.count', { count: reports.length })}</p>
      <ul className="report-list">
        {sorted.map((report) => {
          const kind = t(`moderation.queue.type.${report.targetType}`);
          return (
            <li key={report.id} className="kern-card report-card">
              <div className="kern-card__container">
                <div className="kern-card__header">
                  <p className="kern-body report-card__badges">
                    <Badge variant={report.status === ReportStatus.Open ? 'warning' : 'success'}>
                      {t(`moderation.queue.status.${report.status}`)}
                    </Badge>{' '}
                    {report.targetHidden ? <Badge variant="danger">{t('moderation.queue.hidden')}</Badge> : null}
                  </p>
                  <h2 className="kern-title">
                    {kind}:{' '}
                    <Link className="kern-link" to={`/proposals/${report.proposalId}`}>
                      {report.proposalTitle}
                    </Link>
                  </h2>
                </div>
                <div className="kern-card__body">
                  <blockquote className="report-card__excerpt kern-body">{report.excerpt}</blockquote>
                  <dl className="proposal-meta">
                    <div>
                      <dt>{t('moderation.queue.reason')}</dt>
                      <dd>{report.reason}</dd>
                    </div>
                    <div>
                      <dt>{t('moderation.queue.reportCount')}</dt>
                      <dd>{report.reportCount}</dd>
                    </div>
                    <div>
                      <dt>{t('moderation.queue.reportedAt')}</dt>
                      <dd>{formatDate(report.createdAt)}</dd>
                    </div>
                  </dl>
                  <div className="kern-btn-wrapper">
                    {report.targetHidden ? (
                      <Button
                        variant="secondary"
                        small
                        icon="visibility"
                        aria-label={`${t('moderation.restore')}: ${kind} ${report.proposalTitle}`}
                        onClick={() => setDeciding({ report, action: 'restore' })}
                      >
                        {t('moderation.restore')}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        small
                        icon="visibility-off"
                        aria-label={`${t('moderation.hide')}: ${kind} ${report.proposalTitle}`}
                        onClick={() => setDeciding({ report, action: 'hide' })}
                      >
                        {t('moderation.hide')}
                      </Button>
                    )}
                  </div>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {deciding ? (
        <Dialog id="decision" title={t(`moderation.${deciding.action}Title`)} onClose={() => setDeciding(null)}>
          {(close) => (
            <DecisionForm
              report={deciding.report}
              action={deciding.action}
              onCancel={close}
              onDone={() => {
                setDone(t(`moderation.${deciding.action}Done`));
                close();
              }}
            />
          )}
        </Dialog>
      ) : null}
    </>
  );
}

function DecisionForm({
  report,
  action,
  onCancel,
  onDone,
}: {
  report: ReportResponse;
  action: 'hide' | 'restore';
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const decide = useModerationDecision();
  const form = useForm({
    id: 'decision',
    initialValues: { reason: '' },
    onSubmit: async (values) => {
      await decide(report, action, values.reason.trim());
      onDone();
    },
  });
  return (
    <Form
      form={form}
      submitLabel={t(`moderation.${action}`)}
      actions={
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
    >
      <blockquote className="report-card__excerpt kern-body">{report.excerpt}</blockquote>
      <TextField
        {...form.field('reason', { label: t('moderation.reason'), required: true, maxLength: 1000 })}
        multiline
        rows={3}
        hint={t('moderation.reasonHint')}
      />
    </Form>
  );
}

import type { AdminOutboxMail } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useAdminMails, useRetryMail } from '../../features/admin-mails/api/mails';
import { FailedMailTable } from '../../features/admin-mails/components/FailedMailTable';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';
import { AdminListPage } from '../layout/AdminPages';
import '../../styles/report.css';

/** The mail outbox: how many mails wait or failed, the last error, and failed mails to send again. */
export function AdminMailsRoute() {
  const { t } = useTranslation();
  const mails = useAdminMails();
  const retry = useRetryMail();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: true; subject: string } | { ok: false; message: UiMessage } | null>(null);

  async function onRetry(mail: AdminOutboxMail) {
    setBusyId(mail.id);
    setResult(null);
    try {
      await retry(mail.id);
      setResult({ ok: true, subject: mail.subject });
    } catch (error) {
      setResult({ ok: false, message: describeError(error).formError });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <AdminListPage section="admin.mails">
      <div role="status" className="app-form__status">
        {result?.ok ? <Alert variant="success" title={t('admin.mails.retried', { subject: result.subject })} /> : null}
        {result && !result.ok ? <Alert variant="danger" title={translateMessage(t, result.message)} /> : null}
      </div>
      <QueryState query={mails}>
        {(data) => (
          <>
            <dl className="report-facts">
              <div>
                <dt>{t('admin.mails.pending')}</dt>
                <dd>{data.pending}</dd>
              </div>
              <div>
                <dt>{t('admin.mails.failed')}</dt>
                <dd>{data.failed}</dd>
              </div>
              <div>
                <dt>{t('admin.mails.lastErrorOverall')}</dt>
                <dd>{data.lastError ?? t('admin.mails.noError')}</dd>
              </div>
            </dl>
            <Section id="failed-mails" title={t('admin.mails.failedTitle')} intro={t('admin.mails.failedIntro')}>
              <FailedMailTable mails={data.items} total={data.failed} busyId={busyId} onRetry={(mail) => void onRetry(mail)} />
            </Section>
          </>
        )}
      </QueryState>
    </AdminListPage>
  );
}

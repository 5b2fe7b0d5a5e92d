import type { AdminOutboxMail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { formatDate } from '../../../lib/format';

interface FailedMailTableProps {
  mails: AdminOutboxMail[];
  total: number;
  /** The mail whose retry is under way. */
  busyId: string | null;
  onRetry: (mail: AdminOutboxMail) => void;
}

/** The mails the outbox gave up on, each with its last error and a button to send it again. */
export function FailedMailTable({ mails, total, busyId, onRetry }: FailedMailTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      rows={mails}
      rowKey={(mail) => mail.id}
      label={t('admin.mails.tableLabel')}
      caption={t('admin.mails.tableCaption', { count: total })}
      emptyText={t('admin.mails.empty')}
      columns={[
        { id: 'subject', header: t('admin.mails.subject'), rowHeader: true, cell: (mail) => mail.subject },
        { id: 'to', header: t('admin.mails.recipient'), cellClass: 'table-cell--break', cell: (mail) => mail.to },
        { id: 'attempts', header: t('admin.mails.attempts'), numeric: true, cell: (mail) => mail.attempts },
        { id: 'error', header: t('admin.mails.lastError'), cellClass: 'table-cell--break', cell: (mail) => mail.lastError ?? '–' },
        { id: 'createdAt', header: t('admin.mails.createdAt'), cell: (mail) => formatDate(mail.createdAt) },
      ]}
      action={(mail) => (
        <Button variant="tertiary" small icon="autorenew" busy={busyId === mail.id} onClick={() => onRetry(mail)}>
          {t('admin.mails.retry')}
          <span className="kern-sr-only"> {mail.subject}</span>
        </Button>
      )}
    />
  );
}

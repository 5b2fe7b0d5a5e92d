import { htmlLang, type LanguageStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { formatDate } from '../../../lib/format';

interface LanguageReviewTableProps {
  languages: LanguageStatus[];
  /** The language whose change is under way. */
  busy: string | null;
  onChange: (language: LanguageStatus, reviewed: boolean) => void;
}

/** Each language with its review state and the button that changes it (German is the source). */
export function LanguageReviewTable({ languages, busy, onChange }: LanguageReviewTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      rows={languages}
      rowKey={(entry) => entry.language}
      label={t('admin.languages.tableLabel')}
      caption={t('admin.languages.tableCaption')}
      emptyText="–"
      columns={[
        {
          id: 'language',
          header: t('admin.languages.language'),
          rowHeader: true,
          cell: (entry) => (
            <span lang={htmlLang(entry.language)} dir={entry.direction}>
              {entry.endonym}
            </span>
          ),
        },
        {
          id: 'status',
          header: t('admin.languages.status'),
          cell: (entry) =>
            entry.source
              ? t('admin.languages.source')
              : entry.reviewed
                ? t('admin.languages.reviewedOn', { date: formatDate(entry.reviewedAt) })
                : t('admin.languages.unchecked'),
        },
      ]}
      action={(entry) =>
        entry.source ? null : (
          <Button variant="tertiary" small busy={busy === entry.language} onClick={() => onChange(entry, !entry.reviewed)}>
            {entry.reviewed ? t('admin.languages.withdraw') : t('admin.languages.markReviewed')}
            <span className="kern-sr-only"> {entry.endonym}</span>
          </Button>
        )
      }
    />
  );
}

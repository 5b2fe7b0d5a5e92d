import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

export function Pagination({ page, pageSize, total, onChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <Button variant="secondary" small icon="chevron-left" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <span className="kern-body">{t('pagination.status', { page, pages })}</span>
      <Button variant="secondary" small icon="chevron-right" disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}

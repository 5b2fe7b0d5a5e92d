import { AssemblyStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';

const VARIANTS: Record<AssemblyStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  [AssemblyStatus.Planned]: 'info',
  [AssemblyStatus.Live]: 'success',
  [AssemblyStatus.Closed]: 'warning',
};

/** The assembly's status as a word (never colour alone), with "Status" for screen readers. */
export function AssemblyStatusBadge({ status }: { status: AssemblyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[status] ?? 'info'}>
      <span className="kern-sr-only">{t('assemblies.statusLabel')}: </span>
      {t(`assemblies.status.${status}`)}
    </Badge>
  );
}

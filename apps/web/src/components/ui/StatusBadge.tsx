import { ProposalStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from './Badge';

const VARIANTS: Record<ProposalStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  [ProposalStatus.Submitted]: 'info',
  [ProposalStatus.Evaluating]: 'warning',
  [ProposalStatus.Accepted]: 'success',
  [ProposalStatus.InProjectIdea]: 'success',
  [ProposalStatus.Rejected]: 'danger',
  [ProposalStatus.Withdrawn]: 'danger',
  [ProposalStatus.Merged]: 'info',
};

/** A proposal's status as a badge, with the word "Status" for screen readers. */
export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[status] ?? 'info'}>
      <span className="kern-sr-only">{t('proposals.statusLabel')}: </span>
      {t(`proposalStatus.${status}`)}
    </Badge>
  );
}

import { ProjectState } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { stateLabel } from './workflow-text';

const VARIANTS: Record<ProjectState, 'info' | 'success' | 'warning' | 'danger'> = {
  [ProjectState.Idea]: 'info',
  [ProjectState.SingleProject]: 'success',
  [ProjectState.ProjectType]: 'success',
  [ProjectState.RegularOperation]: 'success',
  [ProjectState.Rejected]: 'danger',
  [ProjectState.Parked]: 'warning',
  [ProjectState.Ended]: 'info',
};

/** A project's workflow state as a badge, with the word "state" for screen readers. */
export function ProjectStateBadge({ state }: { state: ProjectState | string }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[state as ProjectState] ?? 'info'}>
      <span className="kern-sr-only">{t('projects.state')}: </span>
      {stateLabel(t, state)}
    </Badge>
  );
}

/** Progress of a single project as a bar with its number as text (the text is the alternative). */
export function ProgressBar({ percent, id }: { percent: number; id: string }) {
  const { t } = useTranslation();
  const text = t('projects.progress.value', { percent });
  return (
    <span className="project-progress">
      <progress id={id} max={100} value={percent} aria-label={t('projects.progress.label')} aria-valuetext={text} />
      <span className="kern-body project-progress__text">{text}</span>
    </span>
  );
}

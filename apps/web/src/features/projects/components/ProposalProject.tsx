import type { ProposalProjectRef } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProjectStateBadge } from './ProjectStateBadge';
import { stateDescription } from './workflow-text';

/**
 * The project the proposal was grouped into, its state and what that means: the end of the proposal
 * page's one "what happened" section (under its heading, after the proposal's own steps).
 */
export function ProposalProject({ project }: { project: ProposalProjectRef | null }) {
  const { t } = useTranslation();
  if (!project) return null;
  return (
    <div className="proposal-project section--boxed">
      <p className="kern-body">
        {t('projects.proposal.partOf')}{' '}
        <Link className="kern-link" to={`/projects/${project.id}`}>
          {project.title}
        </Link>
      </p>
      <p className="kern-body">
        <ProjectStateBadge state={project.state} />
      </p>
      <p className="kern-body">{stateDescription(t, project.state)}</p>
      <p className="kern-body">
        <Link className="kern-link" to={`/projects/${project.id}#timeline`}>
          {t('projects.proposal.timeline')}
        </Link>
      </p>
    </div>
  );
}

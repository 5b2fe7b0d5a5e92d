import type { ProposalProjectRef } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section';
import { ProjectStateBadge } from './ProjectStateBadge';
import { stateDescription } from './workflow-text';

/** "What happened to my idea?": the project the proposal was grouped into, its state and what that means. */
export function ProposalProject({ project }: { project: ProposalProjectRef | null }) {
  const { t } = useTranslation();
  if (!project) return null;
  return (
    <Section id="project" title={t('projects.proposal.title')} boxed>
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
    </Section>
  );
}

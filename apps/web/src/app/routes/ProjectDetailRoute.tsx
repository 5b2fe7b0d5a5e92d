import { PROJECT_STATE_INFO, ProjectState, Role, type ProjectDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormattedText } from '../../components/ui/FormattedText';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { Term } from '../../components/ui/Term';
import { useProject } from '../../features/projects/api/projects';
import { useIndicators } from '../../features/report/api/report';
import { indicatorName, localized } from '../../features/report/components/report-format';
import { EvaluationForm } from '../../features/projects/components/EvaluationForm';
import { MilestoneForm, MilestoneList, StatusReportForm, StatusReportList } from '../../features/projects/components/Milestones';
import { ProjectFacts } from '../../features/projects/components/ProjectFacts';
import { ProgressBar, ProjectStateBadge } from '../../features/projects/components/ProjectStateBadge';
import { ProjectTimeline } from '../../features/projects/components/ProjectTimeline';
import { useProjectOptions } from '../../features/projects/components/project-options';
import { TransitionPanel } from '../../features/projects/components/TransitionPanel';
import { stateDescription, stateLabel } from '../../features/projects/components/workflow-text';
import { ApiError } from '../../lib/api-client';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { NotFoundRoute } from './NotFoundRoute';
import '../../styles/projects.css';

export function ProjectDetailRoute() {
  const { id } = useParams();
  const project = useProject(id);
  if (project.error instanceof ApiError && (project.error.status === 404 || project.error.status === 400)) return <NotFoundRoute />;
  return <QueryState query={project}>{(data) => <ProjectView project={data} />}</QueryState>;
}

/** The evaluation form offers the social report's indicators; only administrators load them. */
function EvaluationSection({ project }: { project: ProjectDetail }) {
  const { i18n } = useTranslation();
  const indicators = useIndicators();
  return (
    <QueryState query={indicators}>
      {(list) => (
        <EvaluationForm
          project={project}
          indicators={list.map((item) => ({ value: item.key, label: indicatorName(item, i18n.language) }))}
        />
      )}
    </QueryState>
  );
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const options = useProjectOptions();
  const isAdmin = user?.role === Role.Administrator;
  const isModerator = isAdmin || user?.role === Role.Moderator;
  const single = project.state === ProjectState.SingleProject;
  const parkedNote =
    project.state === ProjectState.Parked && project.parkedFrom
      ? t('projects.detail.parkedFrom', { state: stateLabel(t, project.parkedFrom) })
      : '';
  // Einzelprojekt, Projekttyp and Regelbetrieb are hard terms: the badge gets their short explanation.
  const glossaryTerm = PROJECT_STATE_INFO[project.state]?.glossaryTerm;
  const showProgress = single || project.milestones.length > 0 || project.statusReports.length > 0;

  return (
    <Page title={project.title} wide userTitle>
      <div className="project-state">
        <p className="project-state__badge">
          {glossaryTerm ? (
            <Term name={glossaryTerm} label={stateLabel(t, project.state)}>
              <ProjectStateBadge state={project.state} />
            </Term>
          ) : (
            <ProjectStateBadge state={project.state} />
          )}
        </p>
        <p className="kern-body project-state__text">
          {stateDescription(t, project.state)} {parkedNote}
        </p>
        {project.progressPercent !== null ? <ProgressBar id="project-progress" percent={project.progressPercent} /> : null}
      </div>

      <div className="project-detail__body">
        <FormattedText text={project.description} />
      </div>

      <Section id="facts" title={t('projects.detail.factsTitle')}>
        <ProjectFacts project={project} />
        {project.patternDescription ? (
          <>
            <h3 className="kern-heading-small">{t('workflow.fields.patternDescription')}</h3>
            <FormattedText text={project.patternDescription} />
          </>
        ) : null}
      </Section>

      <Section id="timeline" title={t('projects.detail.timelineTitle')} intro={t('projects.detail.timelineIntro')}>
        <ProjectTimeline events={project.timeline} />
      </Section>

      <Section id="proposals" title={t('projects.detail.proposalsTitle', { count: project.proposals.length })}>
        {project.proposals.length === 0 ? (
          <p className="kern-body">{t('projects.detail.noProposals')}</p>
        ) : (
          <ul className="kern-list link-list">
            {project.proposals.map((proposal) => (
              <li key={proposal.linkId}>
                {proposal.kind === 'proposal' ? (
                  <Link className="kern-link" to={`/proposals/${proposal.id}`}>
                    {proposal.title}
                  </Link>
                ) : (
                  <>
                    {proposal.title} <span className="project-muted">({t('projects.detail.liveProposal')})</span>
                  </>
                )}{' '}
                <span className="project-muted">{t('projects.detail.linkedAt', { date: formatDate(proposal.linkedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {project.type || project.instances.length > 0 ? (
        <Section id="type" title={t('projects.detail.typeTitle')}>
          {project.type ? (
            <p className="kern-body">
              {t('projects.detail.instanceOf')}{' '}
              <Link className="kern-link" to={`/projects/${project.type.id}`}>
                {project.type.title}
              </Link>
            </p>
          ) : null}
          {project.instances.length > 0 ? (
            <>
              <p className="kern-body">{t('projects.detail.instances', { count: project.instances.length })}</p>
              <ul className="kern-list link-list">
                {project.instances.map((instance) => (
                  <li key={instance.id}>
                    <Link className="kern-link" to={`/projects/${instance.id}`}>
                      {instance.title}
                    </Link>{' '}
                    <ProjectStateBadge state={instance.state} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      ) : null}

      {showProgress ? (
        <Section id="progress" title={t('projects.detail.progressTitle')}>
          <h3 className="kern-heading-small">{t('projects.milestones.heading')}</h3>
          <MilestoneList project={project} canEdit={isModerator && single} />
          <h3 className="kern-heading-small">{t('projects.reports.heading')}</h3>
          <StatusReportList project={project} />
        </Section>
      ) : null}

      {project.evaluation ? (
        <Section id="evaluation-result" title={t('projects.evaluation.title')}>
          <dl className="proposal-meta proposal-meta--detail">
            <div>
              <dt>{t('workflow.fields.outcome')}</dt>
              <dd>{t(`projects.evaluation.outcomes.${project.evaluation.outcome}`)}</dd>
            </div>
            <div>
              <dt>{t('workflow.fields.indicatorKeys')}</dt>
              <dd>
                <ul className="evaluation-indicators">
                  {project.evaluation.indicators.map((indicator) => (
                    <li key={indicator.key}>
                      {indicator.name ? (
                        <Link className="kern-link" to={`/report?indicator=${encodeURIComponent(indicator.key)}`}>
                          {localized(indicator.name, i18n.language)}
                        </Link>
                      ) : (
                        indicator.key
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t('projects.evaluation.at')}</dt>
              <dd>{formatDate(project.evaluation.evaluatedAt)}</dd>
            </div>
          </dl>
          <FormattedText text={project.evaluation.evidence} />
        </Section>
      ) : null}

      {isModerator ? (
        <Section id="actions" title={t('projects.actions.title')} intro={t('projects.actions.intro')} boxed>
          <TransitionPanel
            project={project}
            areaOptions={options.actionAreaOptions}
            evaluationAnchor={isAdmin && single ? 'evaluation-title' : undefined}
          />
        </Section>
      ) : null}

      {isModerator && single ? (
        <>
          <Section id="milestone-new" title={t('projects.milestones.addTitle')} boxed>
            <MilestoneForm projectId={project.id} />
          </Section>
          <Section id="report-new" title={t('projects.reports.addTitle')} intro={t('projects.reports.addIntro')} boxed>
            <StatusReportForm projectId={project.id} />
          </Section>
        </>
      ) : null}

      {isAdmin && single ? (
        <Section id="evaluation" title={t('projects.evaluation.formTitle')} intro={t('projects.evaluation.intro')} boxed>
          <EvaluationSection project={project} />
        </Section>
      ) : null}
    </Page>
  );
}

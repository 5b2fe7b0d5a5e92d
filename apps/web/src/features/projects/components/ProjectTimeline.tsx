import { PROJECT_EVENT_KINDS, ProjectEventKind, type ProjectTimelineEvent } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { ProjectStateBadge } from './ProjectStateBadge';
import { transitionLabel } from './workflow-text';

function isEventKind(id: string): id is ProjectEventKind {
  return (PROJECT_EVENT_KINDS as readonly string[]).includes(id);
}

/** The proposal a linking step names, as a link when it is an online proposal. */
function LinkedProposal({ data, titles }: { data: Record<string, unknown> | null; titles: Map<string, string> }) {
  const id = typeof data?.id === 'string' ? data.id : null;
  // Taking a proposal out records its id only; its title is the one it was added with.
  const title = typeof data?.title === 'string' ? data.title : id ? (titles.get(id) ?? null) : null;
  if (!title) return null;
  return (
    <>
      {': '}
      {data?.kind === 'proposal' && id ? (
        <Link className="kern-link" to={`/proposals/${id}`}>
          {title}
        </Link>
      ) : (
        title
      )}
    </>
  );
}

/** Where a project came from when another module started it (an application to an Aktionsraumfonds). */
function Origin({ data }: { data: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const origin = data?.origin as { kind?: unknown; title?: unknown; label?: unknown } | undefined;
  if (origin?.kind !== 'fund_application' || typeof origin.title !== 'string' || typeof origin.label !== 'string') return null;
  return (
    <p className="kern-body timeline__text">{t('projects.timeline.fromFundApplication', { title: origin.title, fund: origin.label })}</p>
  );
}

/**
 * The public timeline, oldest first: proposals grouped → idea → project → type → regular operation,
 * each step with its date, the role that made it and the public reason.
 */
export function ProjectTimeline({ events }: { events: ProjectTimelineEvent[] }) {
  const { t } = useTranslation();
  const ordered = [...events].sort((a, b) => a.version - b.version || a.createdAt.localeCompare(b.createdAt));
  const titles = new Map<string, string>();
  for (const event of events) {
    if (typeof event.data?.id === 'string' && typeof event.data.title === 'string') titles.set(event.data.id, event.data.title);
  }
  return (
    <ol className="timeline project-timeline">
      {ordered.map((event) => {
        const kind = event.transitionId;
        const title = isEventKind(kind) ? t(`projects.events.${kind}`) : transitionLabel(t, kind);
        const stateChanged = event.fromState !== event.toState;
        return (
          <li key={event.id} className={`timeline__item project-timeline__item project-timeline__item--${kind}`}>
            <p className="kern-body timeline__head">
              <time dateTime={event.createdAt}>{formatDate(event.createdAt)}</time> <strong>{title}</strong>
              {kind === ProjectEventKind.ProposalLinked || kind === ProjectEventKind.ProposalUnlinked ? (
                <LinkedProposal data={event.data} titles={titles} />
              ) : null}
              {stateChanged || kind === ProjectEventKind.Created ? (
                <>
                  {' '}
                  <span className="project-timeline__arrow">{t('projects.timeline.to')}</span> <ProjectStateBadge state={event.toState} />
                </>
              ) : null}{' '}
              <span className="timeline__actor">{t('projects.timeline.by', { role: t(`roles.${event.actorRole}`) })}</span>
            </p>
            {kind === ProjectEventKind.Created ? <Origin data={event.data} /> : null}
            {event.reason ? (
              <p className="kern-body timeline__text">
                <span className="kern-sr-only">{t('projects.timeline.reason')}: </span>
                {event.reason}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

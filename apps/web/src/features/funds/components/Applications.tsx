import {
  APPLICATION_MAIN_PATH,
  APPLICATION_STATES,
  ApplicationState,
  type ApplicationSummary,
  type ApplicationTimelineEvent,
} from '@app/shared/funds';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { formatDate } from '../../../lib/format';
import { stateLabel, useEuro } from './funds-text';

const VARIANTS: Partial<Record<ApplicationState, 'info' | 'success' | 'warning' | 'danger'>> = {
  [ApplicationState.Returned]: 'warning',
  [ApplicationState.Rejected]: 'danger',
  [ApplicationState.Withdrawn]: 'warning',
  [ApplicationState.Approved]: 'success',
  [ApplicationState.Paid]: 'success',
  [ApplicationState.ProofSubmitted]: 'success',
  [ApplicationState.Closed]: 'success',
};

export function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return <Badge variant={VARIANTS[state] ?? 'info'}>{stateLabel(t, state)}</Badge>;
}

/** The main path first, then the side exits: the order in which the lists below are grouped. */
const STATE_ORDER: ApplicationState[] = [...APPLICATION_MAIN_PATH, ...APPLICATION_STATES.filter((s) => !APPLICATION_MAIN_PATH.includes(s))];

/** One application as a list entry: title, who applies, the amounts, its state. */
export function ApplicationItem({ application, headingLevel = 4 }: { application: ApplicationSummary; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const euro = useEuro();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="application-item">
      <Heading className="kern-heading-small application-item__title">
        <Link className="kern-link" to={`/fonds/antraege/${application.id}`}>
          {application.title}
        </Link>
      </Heading>
      <p className="kern-body application-item__meta">
        <ApplicationStateBadge state={application.state} />{' '}
        {t('funds.application.by', {
          name: application.applicantName ?? t('common.nameErased'),
          kind: t(`funds.applicantKinds.${application.applicantKind}`),
        })}
      </p>
      <p className="kern-body application-item__amounts">
        {t('funds.application.requestedShort', { amount: euro(application.requestedAmountCents) })}
        {application.approvedAmountCents !== null
          ? ` · ${t('funds.application.approvedShort', { amount: euro(application.approvedAmountCents) })}`
          : ''}
      </p>
    </article>
  );
}

/** Applications grouped by state, each group under its state's name (h3), in the order of the path. */
export function ApplicationsByState({
  applications,
  idPrefix,
  actions,
}: {
  applications: ApplicationSummary[];
  idPrefix: string;
  actions?: (application: ApplicationSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  if (applications.length === 0) return <p className="kern-body">{t('funds.detail.noApplications')}</p>;
  return (
    <>
      {STATE_ORDER.filter((state) => applications.some((a) => a.state === state)).map((state) => {
        const group = applications.filter((a) => a.state === state);
        return (
          <section key={state} className="application-group" aria-labelledby={`${idPrefix}-${state}`}>
            <h3 className="kern-heading-small" id={`${idPrefix}-${state}`}>
              {t('funds.detail.stateGroup', { state: stateLabel(t, state), count: group.length })}
            </h3>
            <ul className="application-list">
              {group.map((application) => (
                <li key={application.id}>
                  <ApplicationItem application={application} />
                  {actions ? actions(application) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The public timeline, oldest first: every step with its date, the role that made it and the reason. */
export function ApplicationTimeline({ events }: { events: ApplicationTimelineEvent[] }) {
  const { t } = useTranslation();
  const euro = useEuro();
  const ordered = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (ordered.length === 0) return <p className="kern-body">{t('funds.timeline.empty')}</p>;
  return (
    <ol className="application-timeline">
      {ordered.map((event) => {
        const amount = ['approvedAmountCents', 'paidAmountCents', 'spentAmountCents', 'returnedAmountCents']
          .map((key) => ({ key, value: event.data?.[key] }))
          .filter((entry): entry is { key: string; value: number } => typeof entry.value === 'number');
        return (
          <li key={event.id} className="application-timeline__step">
            <p className="kern-body application-timeline__head">
              <strong>
                {event.kind === 'created' || event.kind === 'project_created'
                  ? t(`funds.timeline.${event.kind}`)
                  : t(`funds.timeline.steps.${event.kind}`)}
              </strong>{' '}
              <span className="application-timeline__meta">
                {t('funds.timeline.meta', { date: formatDate(event.createdAt), role: t(`funds.roles.${event.actorRole}`) })}
              </span>
            </p>
            <p className="kern-body">{t('funds.timeline.nowState', { state: stateLabel(t, event.toState) })}</p>
            {amount.map((entry) => (
              <p key={entry.key} className="kern-body">
                {t(`funds.timeline.amounts.${entry.key}`, { amount: euro(entry.value) })}
              </p>
            ))}
            {event.reason ? (
              <p className="kern-body application-timeline__reason">
                {t('funds.timeline.reason')} {event.reason}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

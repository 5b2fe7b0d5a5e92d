import type { ProposalStatusEvent } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import { formatDate } from '../../../lib/format';

/** "What became of my proposal?": the public status changes as a timeline, oldest first. */
export function StatusHistory({ events }: { events: ProposalStatusEvent[] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={index} className="timeline__item">
          <p className="kern-body timeline__head">
            <time dateTime={event.at}>{formatDate(event.at)}</time> <StatusBadge status={event.status} />{' '}
            <span className="timeline__actor">{t('proposals.history.by', { role: t(`roles.${event.actorRole}`) })}</span>
          </p>
          {event.explanation ? <p className="kern-body timeline__text">{event.explanation}</p> : null}
          {event.note ? (
            <p className="kern-body timeline__text">{t(`proposals.history.notes.${event.note.kind}`, { title: event.note.title })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

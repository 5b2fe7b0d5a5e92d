import { AssemblyStatus, AssemblyVisibility, type AssemblyDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { FormattedText } from '../../components/ui/FormattedText';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { assemblyPath, useAssembly } from '../../features/assemblies/api/assemblies';
import '../../features/assemblies/components/assemblies.css';
import { AssemblyStatusBadge } from '../../features/assemblies/components/AssemblyStatusBadge';
import { JoinPanel } from '../../features/assemblies/components/JoinPanel';
import { MinutesLinks, ModeratorTools } from '../../features/assemblies/components/ModeratorTools';
import { RegistrationPanel } from '../../features/assemblies/components/RegistrationPanel';
import { formatSchedule } from '../../features/assemblies/components/time';
import { ApiError } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { NotFoundRoute } from './NotFoundRoute';

export function AssemblyDetailRoute() {
  const { id } = useParams();
  const assembly = useAssembly(id);
  if (assembly.error instanceof ApiError && (assembly.error.status === 404 || assembly.error.status === 400)) return <NotFoundRoute />;
  return <QueryState query={assembly}>{(data) => <AssemblyView assembly={data} />}</QueryState>;
}

function AssemblyView({ assembly }: { assembly: AssemblyDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const live = assembly.status === AssemblyStatus.Live;
  const closed = assembly.status === AssemblyStatus.Closed;
  const agenda = [...assembly.agenda].sort((a, b) => a.position - b.position);

  return (
    <Page title={assembly.title} userTitle>
      <p className="assembly-detail__status">
        <AssemblyStatusBadge status={assembly.status} />
        {assembly.visibility === AssemblyVisibility.Unlisted ? (
          <span className="kern-body assembly-detail__unlisted"> {t('assemblies.visibility.unlistedNote')}</span>
        ) : null}
      </p>
      <dl className="assembly-meta assembly-meta--detail">
        <div>
          <dt>{t('assemblies.when')}</dt>
          <dd>{formatSchedule(assembly.startsAt, assembly.endsAt)}</dd>
        </div>
        <div>
          <dt>{t('assemblies.place')}</dt>
          <dd>{assembly.place}</dd>
        </div>
        <div>
          <dt>{t('assemblies.areas')}</dt>
          <dd>{assembly.areas.map((area) => area.name).join(', ') || t('assemblies.allAreas')}</dd>
        </div>
      </dl>
      {closed ? null : (
        <p className="kern-body assembly-detail__calendar">
          <a className="kern-link" href={`${assemblyPath(assembly.id)}/calendar.ics`} download>
            <span className="kern-icon kern-icon--calendar-today kern-icon--small" aria-hidden="true" /> {t('assemblies.detail.calendar')}
          </a>
        </p>
      )}

      {live ? <JoinPanel assembly={assembly} signedInAs={user?.displayName ?? null} /> : null}
      {closed ? (
        <Alert variant="info" title={t('assemblies.detail.closedTitle')}>
          <p className="kern-body">{t('assemblies.detail.closedText')}</p>
        </Alert>
      ) : null}

      {assembly.description ? (
        <div className="assembly-detail__body">
          <FormattedText text={assembly.description} />
        </div>
      ) : null}

      <Section id="agenda" title={t('assemblies.agenda.title')}>
        {agenda.length === 0 ? (
          <p className="kern-body">{t('assemblies.agenda.none')}</p>
        ) : (
          <ol className="assembly-agenda">
            {agenda.map((item) => (
              <li key={item.id} className="assembly-agenda__item">
                <h3 className="kern-heading-small assembly-agenda__title">{item.title}</h3>
                <p className="kern-body assembly-agenda__type">{t(`assemblies.agendaType.${item.type}`)}</p>
                {item.description ? <FormattedText text={item.description} /> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      {assembly.moderators.length > 0 ? (
        <Section id="moderators" title={t('assemblies.detail.moderators')}>
          <ul className="kern-list kern-list--bullet">
            {assembly.moderators.map((moderator) => (
              <li key={moderator.id} className="kern-body">
                {moderator.displayName ?? t('common.deletedUser')}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {assembly.registration.enabled ? (
        <Section id="registration" title={t('assemblies.registration.title')}>
          <RegistrationPanel assembly={assembly} signedIn={Boolean(user)} />
        </Section>
      ) : null}

      {closed && !assembly.viewer.isModerator && assembly.visibility === AssemblyVisibility.Public ? (
        <Section id="minutes" title={t('assemblies.minutes.title')}>
          <MinutesLinks assembly={assembly} />
        </Section>
      ) : null}

      {assembly.viewer.isModerator ? <ModeratorTools assembly={assembly} /> : null}
    </Page>
  );
}

import type { AssemblySummary } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AssemblyStatusBadge } from './AssemblyStatusBadge';
import { RegistrationInfo } from './RegistrationInfo';
import { formatScheduleShort } from './time';

/** One assembly in the list: title link, when, where, areas, status and places. */
export function AssemblyCard({ assembly, headingLevel = 3 }: { assembly: AssemblySummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="kern-card assembly-card">
      <div className="kern-card__container">
        <div className="kern-card__header assembly-card__header">
          <AssemblyStatusBadge status={assembly.status} />
          <Heading className="kern-title assembly-card__title">
            <Link className="kern-link" to={`/assemblies/${assembly.id}`} dir="auto">
              {assembly.title}
            </Link>
          </Heading>
        </div>
        <div className="kern-card__body">
          <dl className="assembly-meta">
            <div>
              <dt>{t('assemblies.when')}</dt>
              <dd>{formatScheduleShort(assembly.startsAt, assembly.endsAt)}</dd>
            </div>
            <div>
              <dt>{t('assemblies.place')}</dt>
              <dd>{assembly.place}</dd>
            </div>
            <div>
              <dt>{t('assemblies.areas')}</dt>
              <dd>{assembly.areas.map((area) => area.name).join(', ') || t('assemblies.allAreas')}</dd>
            </div>
            <div>
              <dt>{t('assemblies.registration.label')}</dt>
              <dd>
                <RegistrationInfo assembly={assembly} />
              </dd>
            </div>
          </dl>
        </div>
      </div>
    </article>
  );
}

export function AssemblyList({ assemblies }: { assemblies: AssemblySummary[] }) {
  return (
    <ul className="assembly-list">
      {assemblies.map((assembly) => (
        <li key={assembly.id}>
          <AssemblyCard assembly={assembly} />
        </li>
      ))}
    </ul>
  );
}

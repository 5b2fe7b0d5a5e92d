import { Role } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { Pagination } from '../../components/ui/Pagination';
import { QueryState } from '../../components/ui/QueryState';
import { useAreas } from '../../lib/areas';
import { useAssemblies } from '../../features/assemblies/api/assemblies';
import { areaFilterOptions } from '../../lib/area-groups';
import { AssemblyList } from '../../features/assemblies/components/AssemblyCard';
import { AssemblyFilter } from '../../features/assemblies/components/AssemblyFilter';
import '../../features/assemblies/components/assemblies.css';
import { useSession } from '../../lib/session';

const PAGE_SIZE = 10;
const UUID = /^[0-9a-f-]{36}$/i;
type When = 'upcoming' | 'past';

function readFilter(params: URLSearchParams): { when: When; areaId: string; page: number } {
  const areaId = params.get('areaId') ?? '';
  return {
    when: params.get('when') === 'past' ? 'past' : 'upcoming',
    areaId: UUID.test(areaId) ? areaId : '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** Only non-default values go into the URL. */
function toParams(filter: { when: When; areaId: string; page?: number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.when === 'past') out.when = 'past';
  if (filter.areaId) out.areaId = filter.areaId;
  if (filter.page && filter.page > 1) out.page = String(filter.page);
  return out;
}

/** /assemblies: upcoming or past assemblies, per area, paged; the filter lives in the URL. */
export function AssembliesRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const { user } = useSession();
  const areas = useAreas();
  const areaOptions = areaFilterOptions(areas.data ?? []);
  const assemblies = useAssemblies({ when: filter.when, areaId: filter.areaId || undefined, page: filter.page, pageSize: PAGE_SIZE });
  const canCreate = user?.role === Role.Moderator || user?.role === Role.Administrator;
  const tab = (when: When) => {
    const search = new URLSearchParams(toParams({ when, areaId: filter.areaId })).toString();
    return `/assemblies${search ? `?${search}` : ''}`;
  };

  return (
    <Page title={t('assemblies.list.title')} lead={t('assemblies.list.lead')} wide>
      <div className="page-actions assembly-list-actions">
        {canCreate ? (
          <ButtonLink to="/assemblies/new" variant="primary" icon="add">
            {t('assemblies.list.create')}
          </ButtonLink>
        ) : null}
        <ButtonLink to="/join" variant="secondary" icon="arrow-forward">
          {t('assemblies.list.joinByCode')}
        </ButtonLink>
      </div>
      <nav className="assembly-tabs" aria-label={t('assemblies.list.whenLabel')}>
        <ul className="assembly-tabs__list">
          {(['upcoming', 'past'] as const).map((when) => (
            <li key={when}>
              <Link
                className={`assembly-tabs__link${filter.when === when ? ' is-active' : ''}`}
                to={tab(when)}
                aria-current={filter.when === when ? 'page' : undefined}
              >
                {t(`assemblies.list.${when}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AssemblyFilter
        key={`${filter.areaId}|${areaOptions.length}`}
        areaId={filter.areaId}
        options={areaOptions}
        onApply={(areaId) => setParams(toParams({ when: filter.when, areaId }))}
      />
      <QueryState query={assemblies}>
        {(page) => (
          <section aria-labelledby="assembly-results-title">
            <h2 id="assembly-results-title" className="kern-heading-medium">
              {t(`assemblies.list.${filter.when}`)}
            </h2>
            <p className="kern-body result-count" role="status">
              {t('assemblies.list.resultCount', { count: page.total })}
            </p>
            {page.items.length > 0 ? (
              <AssemblyList assemblies={page.items} />
            ) : (
              <p className="kern-body">{t(filter.when === 'past' ? 'assemblies.list.emptyPast' : 'assemblies.list.emptyUpcoming')}</p>
            )}
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onChange={(next) => {
                setParams(toParams({ ...filter, page: next }));
                window.scrollTo({ top: 0 });
              }}
            />
          </section>
        )}
      </QueryState>
    </Page>
  );
}

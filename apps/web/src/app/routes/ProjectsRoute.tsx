import { PROJECT_STATE_INFO, PROJECT_STATES } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { Pagination } from '../../components/ui/Pagination';
import { QueryState } from '../../components/ui/QueryState';
import { Term, TermList } from '../../components/ui/Term';
import { useProjects } from '../../features/projects/api/projects';
import { ProjectFilters, projectFilterParams, readProjectFilter } from '../../features/projects/components/ProjectFilters';
import { ProjectTable } from '../../features/projects/components/ProjectTable';
import { useProjectOptions } from '../../features/projects/components/project-options';
import { stateLabel } from '../../features/projects/components/workflow-text';
import '../../styles/projects.css';

const PAGE_SIZE = 20;
/** The steps whose names are hard terms (Einzelprojekt, Projekttyp, Regelbetrieb), in workflow order. */
const EXPLAINED_STATES = PROJECT_STATES.flatMap((state) => {
  const term = PROJECT_STATE_INFO[state].glossaryTerm;
  return term ? [{ state, term }] : [];
});

/** The public Vorhabenliste: current projects with state, areas, field, responsible body and next step. */
export function ProjectsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readProjectFilter(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const options = useProjectOptions();
  const projects = useProjects({
    state: filter.state || undefined,
    fieldOfActionId: filter.fieldOfActionId || undefined,
    areaId: filter.areaId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <Page title={t('projects.list.title')} lead={t('projects.list.lead')} wide>
      {/* The states named in the lead, in the filter and on every row's badge, explained once. */}
      <TermList>
        {EXPLAINED_STATES.map(({ state, term }) => (
          <Term key={state} name={term}>
            {stateLabel(t, state)}
          </Term>
        ))}
      </TermList>
      <ProjectFilters
        id="project-filter"
        key={`${params.toString()}|${options.areaOptions.length}|${options.fieldOptions.length}`}
        values={filter}
        areaOptions={options.areaOptions}
        fieldOptions={options.fieldOptions}
        allStatesLabel={t('projects.list.currentStates')}
        onApply={(next) => setParams(projectFilterParams(next))}
      />
      <QueryState query={projects}>
        {(result) => (
          <section aria-labelledby="project-results-title">
            <h2 id="project-results-title" className="kern-heading-medium">
              {t('projects.list.results')}
            </h2>
            <p className="kern-body result-count" role="status">
              {t('projects.list.resultCount', { count: result.total })}
            </p>
            <ProjectTable
              rows={result.items}
              label={t('projects.list.tableLabel')}
              caption={t('projects.list.resultCount', { count: result.total })}
              emptyText={t('projects.list.empty')}
            />
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              onChange={(next) => {
                setParams(projectFilterParams({ ...filter, page: next }));
                window.scrollTo({ top: 0 });
              }}
            />
          </section>
        )}
      </QueryState>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { portfolioExportPath, usePortfolio } from '../../features/projects/api/projects';
import { PortfolioItems, PortfolioMatrix, PortfolioStuck } from '../../features/projects/components/PortfolioView';
import { ProjectFilters, projectFilterParams, readProjectFilter } from '../../features/projects/components/ProjectFilters';
import { useProjectOptions } from '../../features/projects/components/project-options';
import { formatDate } from '../../lib/format';
import { AdminNav } from '../layout/AdminNav';
import '../../styles/projects.css';

/** The administrators' portfolio: Handlungsfeld × area × state, where things get stuck, exports. */
export function AdminPortfolioRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readProjectFilter(params);
  const options = useProjectOptions();
  const query = {
    state: filter.state || undefined,
    fieldOfActionId: filter.fieldOfActionId || undefined,
    areaId: filter.areaId || undefined,
  };
  const portfolio = usePortfolio(query);
  return (
    <Page title={t('admin.portfolio.title')} lead={t('admin.portfolio.lead')} wide>
      <AdminNav />
      <ProjectFilters
        id="portfolio-filter"
        key={`${params.toString()}|${options.areaOptions.length}|${options.fieldOptions.length}`}
        values={filter}
        areaOptions={options.areaOptions}
        fieldOptions={options.fieldOptions}
        allStatesLabel={t('projects.portfolio.allStates')}
        onApply={(next) => setParams(projectFilterParams(next))}
      />
      <QueryState query={portfolio}>
        {(data) => (
          <>
            <p className="kern-body result-count" role="status">
              {t('projects.portfolio.total', { count: data.total, date: formatDate(data.generatedAt) })}
            </p>
            <Section id="export" title={t('projects.portfolio.exportTitle')} intro={t('projects.portfolio.exportIntro')}>
              <ul className="kern-list link-list">
                <li>
                  <a className="kern-link" href={portfolioExportPath('csv', query)} download>
                    {t('projects.portfolio.csv')}
                  </a>
                </li>
                <li>
                  <a className="kern-link" href={portfolioExportPath('xlsx', query)} download>
                    {t('projects.portfolio.xlsx')}
                  </a>
                </li>
              </ul>
            </Section>
            <Section id="matrix" title={t('projects.portfolio.matrixTitle')} intro={t('projects.portfolio.matrixIntro')}>
              <PortfolioMatrix portfolio={data} />
            </Section>
            <Section id="stuck" title={t('projects.portfolio.stuckTitle')} intro={t('projects.portfolio.stuckIntro')}>
              <PortfolioStuck portfolio={data} />
            </Section>
            <Section id="items" title={t('projects.portfolio.itemsTitle')}>
              <PortfolioItems portfolio={data} />
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

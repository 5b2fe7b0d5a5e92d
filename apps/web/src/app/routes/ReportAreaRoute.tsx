import { AreaType, INDICATOR_TERMS } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { Term } from '../../components/ui/Term';
import { useFieldsOfAction } from '../../lib/fields-of-action';
import { useAreaProfile } from '../../features/report/api/report';
import { AreaAssemblies, AreaProjects, AreaProposals } from '../../features/report/components/AreaActivity';
import { AreaFunds } from '../../features/report/components/AreaFunds';
import { AreaIndicatorChart } from '../../features/report/components/AreaIndicatorChart';
import { areaProfilePath } from '../../features/report/components/OverviewView';
import { localized } from '../../features/report/components/report-format';
import { ReportNav } from '../../features/report/components/ReportNav';
import { formatDate } from '../../lib/format';
import '../../styles/report.css';

/** The profile of one area: indicators over time against the city, targets, projects, assemblies, proposals. */
export function ReportAreaRoute() {
  const { t, i18n } = useTranslation();
  const { area } = useParams();
  const profile = useAreaProfile(area);
  const fields = useFieldsOfAction('all');
  const fieldName = (code: string) => {
    const field = fields.data?.find((candidate) => candidate.code === code);
    return field ? `${localized(field.name, i18n.language)} (${code})` : code;
  };
  const name = profile.data?.area.name;

  return (
    <Page title={name ? t('report.profile.title', { area: name }) : t('report.profile.titleLoading')} wide>
      <ReportNav />
      <QueryState query={profile}>
        {(data) => (
          <>
            <dl className="report-facts">
              <div>
                <dt>{t('report.profile.type')}</dt>
                <dd>
                  {data.area.type === AreaType.ActionArea ? (
                    <Term name="actionArea">{t(`areaTypes.${data.area.type}`)}</Term>
                  ) : (
                    t(`areaTypes.${data.area.type}`)
                  )}
                </dd>
              </div>
              {data.area.parent ? (
                <div>
                  <dt>{t('report.profile.parent')}</dt>
                  <dd>{data.area.parent.name}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('report.profile.validity')}</dt>
                <dd>
                  {data.area.validTo
                    ? t('report.profile.validRange', { from: formatDate(data.area.validFrom), to: formatDate(data.area.validTo) })
                    : t('report.profile.validSince', { from: formatDate(data.area.validFrom) })}
                </dd>
              </div>
              {data.area.children.length > 0 ? (
                <div>
                  <dt>{t('report.profile.children')}</dt>
                  <dd>
                    {data.area.children.map((child, index) => (
                      <span key={child.id}>
                        {index > 0 ? ', ' : ''}
                        <Link className="kern-link" to={areaProfilePath(child.code)}>
                          {child.name}
                        </Link>
                      </span>
                    ))}
                  </dd>
                </div>
              ) : null}
            </dl>
            {data.area.description ? <p className="kern-body">{data.area.description}</p> : null}
            <p className="kern-body report-demo-note">{t('report.common.demoNote')}</p>
            <Section id="area-indicators" title={t('report.profile.indicatorsTitle')} intro={t('report.profile.indicatorsIntro')}>
              {data.indicators.length === 0 ? (
                <p className="kern-body">{t('report.profile.noIndicators')}</p>
              ) : (
                <div className="report-indicators">
                  {data.indicators.map((series, index) => (
                    <AreaIndicatorChart
                      key={series.indicator.key}
                      series={series}
                      areaName={data.area.name}
                      explainedAbove={data.indicators.slice(0, index).flatMap((above) => INDICATOR_TERMS[above.indicator.key] ?? [])}
                    />
                  ))}
                </div>
              )}
            </Section>
            <AreaProjects projects={data.projects} fieldName={fieldName} />
            <AreaAssemblies assemblies={data.assemblies} />
            <AreaProposals proposals={data.proposals} fieldName={fieldName} />
            {data.area.type === AreaType.ActionArea ? <AreaFunds funds={data.funds} /> : null}
            <p className="kern-body">
              <Link className="kern-link" to="/report">
                {t('report.profile.backToOverview')}
              </Link>
            </p>
          </>
        )}
      </QueryState>
    </Page>
  );
}

import type { IndicatorDefinition } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Form } from '../../components/ui/Form';
import { SelectField } from '../../components/ui/FormField';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { useCityOverview, useIndicators } from '../../features/report/api/report';
import { OverviewView } from '../../features/report/components/OverviewView';
import { indicatorName } from '../../features/report/components/report-format';
import { ReportNav } from '../../features/report/components/ReportNav';
import { useForm } from '../../lib/use-form';
import '../../styles/report.css';

function OverviewFilter({
  indicators,
  indicator,
  year,
  years,
  onApply,
}: {
  indicators: IndicatorDefinition[];
  indicator: string;
  year: string;
  years: number[];
  onApply: (indicator: string, year: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useForm({
    id: 'overview-filter',
    initialValues: { indicator, year },
    onSubmit: async (values) => onApply(values.indicator, values.indicator === indicator ? values.year : ''),
  });
  return (
    <div role="search" className="filter-bar report-overview-filter">
      <Form form={form} submitLabel={t('report.overview.show')} submitVariant="secondary" submitIcon="search">
        <div className="form-row">
          <SelectField
            {...form.field('indicator', { label: t('report.overview.indicator'), required: true })}
            options={indicators.map((item) => ({ value: item.key, label: indicatorName(item, i18n.language) }))}
          />
          <SelectField
            {...form.field('year', { label: t('report.overview.year') })}
            hint={t('report.overview.yearHint')}
            emptyOption={t('report.overview.latestYear')}
            options={[...years].reverse().map((value) => ({ value: String(value), label: String(value) }))}
          />
        </div>
      </Form>
    </div>
  );
}

/** The city overview of the social report: every Aktionsraum against the city for one indicator and year. */
export function ReportRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const indicatorParam = params.get('indicator') ?? '';
  const yearParam = /^\d{4}$/.test(params.get('year') ?? '') ? (params.get('year') as string) : '';
  const indicators = useIndicators();
  const overview = useCityOverview({ indicator: indicatorParam || undefined, year: yearParam ? Number(yearParam) : undefined });

  return (
    <Page title={t('report.overview.title')} lead={t('report.overview.lead')} wide>
      <ReportNav />
      <p className="kern-body report-demo-note">{t('report.common.demoNote')}</p>
      <QueryState query={indicators}>
        {(list) =>
          list.length === 0 ? (
            <p className="kern-body">{t('report.overview.noIndicators')}</p>
          ) : (
            <QueryState query={overview}>
              {(data) => (
                <>
                  <OverviewFilter
                    key={`${data.indicator.key}-${data.year ?? ''}`}
                    indicators={list}
                    indicator={data.indicator.key}
                    year={yearParam}
                    years={data.availableYears}
                    onApply={(indicator, year) => setParams({ indicator, ...(year ? { year } : {}) })}
                  />
                  <OverviewView data={data} stale={overview.isPlaceholderData} />
                </>
              )}
            </QueryState>
          )
        }
      </QueryState>
    </Page>
  );
}

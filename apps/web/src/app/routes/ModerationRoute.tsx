import { ReportStatus } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Page } from '../../components/ui/Page';
import { Loading } from '../../components/ui/QueryState';
import { useReports } from '../../features/moderation/api/reports';
import { ReportQueue } from '../../features/moderation/components/ReportQueue';
import { ApiError } from '../../lib/api-client';

export function ModerationRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status = params.get('status') === ReportStatus.Resolved ? ReportStatus.Resolved : ReportStatus.Open;
  const reports = useReports(status);
  return (
    <Page title={t('moderation.title')} lead={t('moderation.lead')} wide>
      <nav className="admin-nav" aria-label={t('moderation.queue.navLabel')}>
        <ul className="admin-nav__list">
          {[ReportStatus.Open, ReportStatus.Resolved].map((value) => (
            <li key={value}>
              <NavLink
                to={value === ReportStatus.Open ? '/moderation' : `/moderation?status=${value}`}
                className={() => `admin-nav__link${value === status ? ' is-active' : ''}`}
                aria-current={value === status ? 'page' : undefined}
                end
              >
                {t(`moderation.queue.tab.${value}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="kern-body">
        <Link className="kern-link" to="/moderation/grouping">
          {t('projects.grouping.title')}
        </Link>
      </p>
      {reports.isPending ? (
        <Loading />
      ) : reports.error ? (
        reports.error instanceof ApiError && reports.error.status === 404 ? (
          <p className="kern-body">{t('moderation.unavailable')}</p>
        ) : (
          <Alert variant="danger" role="alert" title={t('common.loadFailed')} />
        )
      ) : (
        <ReportQueue reports={reports.data ?? []} />
      )}
    </Page>
  );
}

import { PROJECT_STATES, stateLabelKey, type AreaProfileResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { Section } from '../../../components/ui/Section';
import { formatDate } from '../../../lib/format';
import { ReportTable } from './ReportTable';
import type { TableModel } from './table-model';
import { formatLocale } from '../../../lib/i18n';

type FieldName = (code: string) => string;

/** Projects of an area: counts by state, the state × Handlungsfeld matrix and the list. */
export function AreaProjects({ projects, fieldName }: { projects: AreaProfileResponse['projects']; fieldName: FieldName }) {
  const { t } = useTranslation();
  const fields = [...new Set(projects.byStateAndField.map((cell) => cell.fieldOfActionCode))].sort();
  const matrix: TableModel = {
    columns: [
      { id: 'state', header: t('report.profile.colState') },
      ...fields.map((code) => ({ id: `field-${code}`, header: fieldName(code), numeric: true })),
      { id: 'total', header: t('report.profile.colTotal'), numeric: true },
    ],
    rows: PROJECT_STATES.map((state) => ({
      key: state,
      cells: [
        t(stateLabelKey(state)),
        ...fields.map(
          (code) => projects.byStateAndField.find((cell) => cell.state === state && cell.fieldOfActionCode === code)?.count ?? 0,
        ),
        projects.byState.find((entry) => entry.state === state)?.count ?? 0,
      ],
    })),
  };
  return (
    <Section id="area-projects" title={t('report.profile.projectsTitle', { count: projects.total })}>
      {projects.total === 0 ? (
        <p className="kern-body">{t('report.profile.noProjects')}</p>
      ) : (
        <>
          <ReportTable
            model={matrix}
            caption={t('report.profile.projectsMatrixCaption')}
            label={t('report.profile.projectsMatrixCaption')}
            captionVisible
          />
          <DataTable
            rows={projects.items}
            rowKey={(project) => project.id}
            label={t('report.profile.projectsListLabel')}
            caption={t('report.profile.projectsListLabel')}
            emptyText={t('report.profile.noProjects')}
            columns={[
              {
                id: 'title',
                header: t('report.profile.colProject'),
                rowHeader: true,
                cell: (project) => (
                  <Link className="kern-link" to={`/projects/${encodeURIComponent(project.id)}`}>
                    {project.title}
                  </Link>
                ),
              },
              { id: 'state', header: t('report.profile.colState'), cell: (project) => t(stateLabelKey(project.state)) },
              { id: 'field', header: t('report.profile.colField'), cell: (project) => fieldName(project.fieldOfActionCode) },
            ]}
          />
        </>
      )}
    </Section>
  );
}

export function AreaAssemblies({ assemblies }: { assemblies: AreaProfileResponse['assemblies'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="area-assemblies" title={t('report.profile.assembliesTitle')}>
      <DataTable
        rows={assemblies}
        rowKey={(assembly) => assembly.id}
        label={t('report.profile.assembliesTitle')}
        caption={t('report.profile.assembliesCaption', { count: assemblies.length })}
        emptyText={t('report.profile.noAssemblies')}
        columns={[
          {
            id: 'title',
            header: t('report.profile.colAssembly'),
            rowHeader: true,
            cell: (assembly) => (
              <Link className="kern-link" to={`/assemblies/${encodeURIComponent(assembly.id)}`}>
                {assembly.title}
              </Link>
            ),
          },
          { id: 'date', header: t('report.profile.colDate'), cell: (assembly) => formatDate(assembly.startsAt) },
          { id: 'status', header: t('report.profile.colStatus'), cell: (assembly) => t(`assemblies.status.${assembly.status}`) },
          {
            id: 'attendance',
            header: t('report.profile.colAttendance'),
            numeric: true,
            cell: (assembly) =>
              assembly.attendance === null ? '–' : new Intl.NumberFormat(formatLocale(i18n.language)).format(assembly.attendance),
          },
        ]}
      />
    </Section>
  );
}

export function AreaProposals({ proposals, fieldName }: { proposals: AreaProfileResponse['proposals']; fieldName: FieldName }) {
  const { t } = useTranslation();
  const byStatus: TableModel = {
    columns: [
      { id: 'status', header: t('report.profile.colStatus') },
      { id: 'count', header: t('report.profile.colCount'), numeric: true },
    ],
    rows: proposals.byStatus.map((entry) => ({ key: entry.status, cells: [t(`proposalStatus.${entry.status}`), entry.count] })),
  };
  const byField: TableModel = {
    columns: [
      { id: 'field', header: t('report.profile.colField') },
      { id: 'count', header: t('report.profile.colCount'), numeric: true },
    ],
    rows: proposals.byField.map((entry) => ({ key: entry.fieldOfActionCode, cells: [fieldName(entry.fieldOfActionCode), entry.count] })),
  };
  return (
    <Section id="area-proposals" title={t('report.profile.proposalsTitle', { count: proposals.total })}>
      {proposals.total === 0 ? (
        <p className="kern-body">{t('report.profile.noProposals')}</p>
      ) : (
        <div className="report-columns">
          <ReportTable
            model={byStatus}
            caption={t('report.profile.proposalsByStatus')}
            label={t('report.profile.proposalsByStatus')}
            captionVisible
          />
          <ReportTable
            model={byField}
            caption={t('report.profile.proposalsByField')}
            label={t('report.profile.proposalsByField')}
            captionVisible
          />
        </div>
      )}
      <p className="kern-body">
        <Link className="kern-link" to="/proposals">
          {t('report.profile.allProposals')}
        </Link>
      </p>
    </Section>
  );
}

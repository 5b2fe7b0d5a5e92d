import type { ProjectSummary } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/ui/DataTable';
import { localized } from '../../../lib/localized';
import { ProgressBar, ProjectStateBadge } from './ProjectStateBadge';
import { transitionLabel } from './workflow-text';

interface ProjectTableProps<T extends ProjectSummary> {
  rows: T[];
  label: string;
  caption: string;
  emptyText: string;
  /** Extra columns after the standard ones (e.g. days in state in the portfolio). */
  extra?: Column<T>[];
}

/** Projects as a table: title, state, Handlungsfeld, areas, responsible body, next step, progress. */
export function ProjectTable<T extends ProjectSummary>({ rows, label, caption, emptyText, extra = [] }: ProjectTableProps<T>) {
  const { t, i18n } = useTranslation();
  const columns: Column<T>[] = [
    {
      id: 'title',
      header: t('projects.title'),
      rowHeader: true,
      cell: (row) => (
        <Link className="kern-link" to={`/projects/${row.id}`}>
          {row.title}
        </Link>
      ),
    },
    { id: 'state', header: t('projects.state'), cell: (row) => <ProjectStateBadge state={row.state} /> },
    {
      id: 'field',
      header: t('projects.field'),
      cell: (row) => (
        <>
          <abbr title={localized(row.fieldOfAction.name, i18n.language)}>{row.fieldOfAction.code}</abbr>
          <span className="project-table__field"> {localized(row.fieldOfAction.name, i18n.language)}</span>
        </>
      ),
    },
    { id: 'areas', header: t('projects.areas'), cell: (row) => row.areas.map((area) => area.name).join(', ') },
    { id: 'responsible', header: t('projects.responsibleBody'), cell: (row) => row.responsibleBody ?? t('projects.none') },
    { id: 'next', header: t('projects.nextStep'), cell: (row) => (row.nextStep ? transitionLabel(t, row.nextStep) : t('projects.none')) },
    {
      id: 'progress',
      header: t('projects.progress.label'),
      cell: (row) =>
        row.progressPercent !== null && row.progressPercent !== undefined ? (
          <ProgressBar id={`progress-${row.id}`} percent={row.progressPercent} />
        ) : (
          t('projects.none')
        ),
    },
    ...extra,
  ];
  return <DataTable rows={rows} rowKey={(row) => row.id} columns={columns} label={label} caption={caption} emptyText={emptyText} />;
}

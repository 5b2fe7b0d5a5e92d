import type { ProjectDetail } from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { localized } from '../../../lib/localized';
import { formatEuro } from './workflow-text';

/** The recorded facts of a project as a description list; only what is known is shown. */
export function ProjectFacts({ project }: { project: ProjectDetail }) {
  const { t, i18n } = useTranslation();
  const facts: Array<[string, ReactNode]> = [
    [t('projects.field'), `${project.fieldOfAction.code} – ${localized(project.fieldOfAction.name, i18n.language)}`],
    [t('projects.areas'), project.areas.map((area) => area.name).join(', ')],
    [t('workflow.fields.operatorName'), project.operatorName],
    [t('workflow.fields.areaId'), project.actionArea?.name],
    [t('workflow.fields.startDate'), project.startDate ? formatDate(project.startDate) : null],
    [t('workflow.fields.endDate'), project.endDate ? formatDate(project.endDate) : null],
    [t('workflow.fields.fundingSource'), project.fundingSource],
    [
      t('workflow.fields.fundingAmountCents'),
      project.fundingAmountCents !== null ? formatEuro(project.fundingAmountCents, i18n.language) : null,
    ],
    [t('workflow.fields.responsibleDepartment'), project.responsibleDepartment],
    [t('workflow.fields.budgetLine'), project.budgetLine],
    [
      t('projects.facts.decision'),
      project.decisionBody || project.decisionNumber
        ? t('projects.facts.decisionText', {
            body: project.decisionBody ?? '',
            number: project.decisionNumber ?? '',
            date: formatDate(project.decisionDate),
          })
        : null,
    ],
    [t('projects.facts.finishedAt'), project.finishedAt ? formatDate(project.finishedAt) : null],
    [t('projects.facts.stateSince'), formatDate(project.stateSince)],
  ];
  return (
    <dl className="proposal-meta proposal-meta--detail project-facts">
      {facts
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

import { calendarDate, MILESTONE_TITLE_MAX, STATUS_REPORT_TEXT_MAX, STATUS_REPORT_TEXT_MIN, type ProjectDetail } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { formatDate } from '../../../lib/format';
import { describeError, translateMessage, type FieldErrors, type UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useProjectActions } from '../api/projects';
import { ProgressBar } from './ProjectStateBadge';

/** Planned milestones of a single project; people who may report can add, tick off and remove them. */
export function MilestoneList({ project, canEdit }: { project: ProjectDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const [error, setError] = useState<UiMessage | null>(null);
  const run = async (call: Promise<unknown>) => {
    setError(null);
    try {
      await call;
    } catch (caught) {
      setError(describeError(caught).formError);
    }
  };
  return (
    <>
      <div role="alert">{error ? <p className="kern-error kern-body">{translateMessage(t, error)}</p> : null}</div>
      {project.milestones.length === 0 ? (
        <p className="kern-body">{t('projects.milestones.empty')}</p>
      ) : (
        <ul className="kern-list project-milestones">
          {project.milestones.map((milestone) => (
            <li key={milestone.id} className="project-milestone">
              <span className={milestone.reachedOn ? 'project-milestone__title is-reached' : 'project-milestone__title'}>
                {milestone.title}
              </span>{' '}
              <span className="project-milestone__meta">
                {milestone.reachedOn
                  ? t('projects.milestones.reached', { date: formatDate(milestone.reachedOn) })
                  : milestone.dueDate
                    ? t('projects.milestones.due', { date: formatDate(milestone.dueDate) })
                    : t('projects.milestones.undated')}
              </span>
              {canEdit ? (
                <span className="project-milestone__actions">
                  {milestone.reachedOn ? null : (
                    <Button
                      small
                      variant="secondary"
                      onClick={() => void run(actions.updateMilestone(project.id, milestone.id, { reachedOn: calendarDate(new Date()) }))}
                    >
                      {t('projects.milestones.markReached')}
                      <span className="kern-sr-only">: {milestone.title}</span>
                    </Button>
                  )}
                  <Button small variant="tertiary" onClick={() => void run(actions.deleteMilestone(project.id, milestone.id))}>
                    {t('projects.milestones.delete')}
                    <span className="kern-sr-only">: {milestone.title}</span>
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function MilestoneForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const form = useForm({
    id: 'milestone',
    initialValues: { title: '', dueDate: '' },
    onSubmit: async (values) => {
      await actions.addMilestone(projectId, { title: values.title.trim(), ...(values.dueDate ? { dueDate: values.dueDate } : {}) });
      form.reset();
      return { key: 'projects.milestones.added' };
    },
  });
  return (
    <Form form={form} submitLabel={t('projects.milestones.add')} submitIcon="add" submitVariant="secondary">
      <TextField {...form.field('title', { label: t('projects.milestones.title'), required: true, maxLength: MILESTONE_TITLE_MAX })} />
      <TextField {...form.field('dueDate', { label: t('projects.milestones.dueDate') })} type="date" />
    </Form>
  );
}

/** Status reports, newest first: date, progress (bar with its number as text) and what happened. */
export function StatusReportList({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  if (project.statusReports.length === 0) return <p className="kern-body">{t('projects.reports.empty')}</p>;
  return (
    <ol className="project-reports" reversed>
      {project.statusReports.map((report) => (
        <li key={report.id} className="project-report">
          <p className="kern-body project-report__head">
            <time dateTime={report.reportDate}>{formatDate(report.reportDate)}</time>{' '}
            <span className="timeline__actor">{t('projects.timeline.by', { role: t(`roles.${report.actorRole}`) })}</span>
          </p>
          <ProgressBar id={`report-${report.id}`} percent={report.progressPercent} />
          <p className="kern-body project-report__text">{report.text}</p>
        </li>
      ))}
    </ol>
  );
}

export function StatusReportForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const form = useForm({
    id: 'status-report',
    initialValues: { reportDate: calendarDate(new Date()), progressPercent: '', text: '' },
    validate: (values) => {
      const errors: FieldErrors = {};
      const percent = Number(values.progressPercent);
      if (values.progressPercent.trim() === '' || !Number.isInteger(percent) || percent < 0 || percent > 100)
        errors.progressPercent = [{ key: 'projects.reports.percentRange' }];
      if (values.reportDate > calendarDate(new Date())) errors.reportDate = [{ key: 'projects.reports.notFuture' }];
      return errors;
    },
    onSubmit: async (values) => {
      await actions.addStatusReport(projectId, {
        reportDate: values.reportDate,
        progressPercent: Number(values.progressPercent),
        text: values.text.trim(),
      });
      form.reset();
      return { key: 'projects.reports.added' };
    },
  });
  return (
    <Form form={form} submitLabel={t('projects.reports.add')} submitIcon="add" submitVariant="secondary">
      <TextField {...form.field('reportDate', { label: t('projects.reports.date'), required: true })} type="date" />
      <TextField
        {...form.field('progressPercent', { label: t('projects.reports.percent'), required: true })}
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        hint={t('projects.reports.percentHint')}
      />
      <TextField
        {...form.field('text', {
          label: t('projects.reports.text'),
          required: true,
          minLength: STATUS_REPORT_TEXT_MIN,
          maxLength: STATUS_REPORT_TEXT_MAX,
        })}
        multiline
        rows={4}
      />
    </Form>
  );
}

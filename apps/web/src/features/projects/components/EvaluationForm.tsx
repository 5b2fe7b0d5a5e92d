import { checkEvaluation, checkRunStarted, EVALUATION_OUTCOMES, ErrorCode, type ProjectDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Form } from '../../../components/ui/Form';
import { CheckboxGroupField, SelectField, splitChoices, TextField, type SelectOption } from '../../../components/ui/FormField';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { FormError, type FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useProjectActions } from '../api/projects';
import { ruleMessage } from './workflow-text';

/**
 * Administrators finish a single project's run and record how it went (outcome, evidence, and the
 * social report's indicators it aimed at, chosen from `indicators`). Before the project's start date
 * the workflow refuses it (checkRunStarted): the page says so instead of offering the form.
 */
export function EvaluationForm({ project, indicators }: { project: ProjectDetail; indicators: SelectOption[] }) {
  const { t } = useTranslation();
  const notStarted = checkRunStarted(project.startDate, new Date());
  if (notStarted.length > 0 && !project.evaluation) {
    return <Alert variant="info" title={t('workflow.rules.run_not_started', { startDate: formatDate(project.startDate ?? '') })} />;
  }
  return <EvaluationFormFields project={project} indicators={indicators} />;
}

function EvaluationFormFields({ project, indicators }: { project: ProjectDetail; indicators: SelectOption[] }) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const current = project.evaluation;
  const form = useForm({
    id: 'evaluation',
    initialValues: {
      outcome: current?.outcome ?? '',
      evidence: current?.evidence ?? '',
      indicatorKeys: current?.indicatorKeys.join(',') ?? '',
    } as Record<string, string>,
    validate: (values) => {
      const errors: FieldErrors = {};
      const problems = checkEvaluation({ ...values, indicatorKeys: splitChoices(values.indicatorKeys) }, new Date(), '');
      for (const problem of problems) {
        errors[problem.field] = [
          ...(errors[problem.field] ?? []),
          ruleMessage(t, problem.field, problem.rule, problem.message, undefined, problem.params as Record<string, string | number>),
        ];
      }
      return errors;
    },
    onSubmit: async (values) => {
      try {
        await actions.evaluate(project.id, {
          outcome: values.outcome as never,
          evidence: values.evidence.trim(),
          indicatorKeys: splitChoices(values.indicatorKeys),
          expectedVersion: project.version,
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === ErrorCode.Conflict) {
          await actions.refresh();
          throw new FormError({ key: 'projects.actions.conflict' });
        }
        throw error;
      }
      return { key: 'projects.evaluation.saved' };
    },
  });
  return (
    <Form form={form} submitLabel={t('projects.evaluation.submit')} submitIcon="check">
      <SelectField
        {...form.field('outcome', { label: t('workflow.fields.outcome') })}
        required
        emptyOption={t('projects.actions.choose')}
        options={EVALUATION_OUTCOMES.map((value) => ({ value, label: t(`projects.evaluation.outcomes.${value}`) }))}
      />
      <TextField
        {...form.field('evidence', { label: t('workflow.fields.evidence') })}
        required
        multiline
        rows={5}
        hint={t('projects.evaluation.evidenceHint')}
      />
      <CheckboxGroupField
        {...form.field('indicatorKeys', { label: t('workflow.fields.indicatorKeys') })}
        required
        hint={t('projects.evaluation.indicatorHint')}
        options={indicators}
      />
    </Form>
  );
}

import {
  checkField,
  ErrorCode,
  GuardFieldType,
  TRANSITIONS_BY_ID,
  type AvailableProjectTransition,
  type FieldGuard,
  type MissingField,
  type ProjectDetail,
  type ProjectTransitionInput,
  type ProjectTransitionsResponse,
  type TransitionId,
} from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField, type SelectOption } from '../../../components/ui/FormField';
import { QueryState } from '../../../components/ui/QueryState';
import { ApiError } from '../../../lib/api-client';
import { FormError, type FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useProjectActions, useProjectTransitions } from '../api/projects';
import {
  fieldLabel,
  missingText,
  parseEuroToCents,
  roleList,
  ruleMessage,
  stateLabel,
  transitionDescription,
  transitionLabel,
} from './workflow-text';

type Values = Record<string, string>;

/** The form's strings as the transition's input: trimmed text and dates, euro amounts as cents. */
function toInput(guards: readonly FieldGuard[], values: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const guard of guards) {
    const raw = (values[guard.field] ?? '').trim();
    if (!raw) continue;
    if (guard.type === GuardFieldType.Money) input[guard.field] = parseEuroToCents(raw) ?? raw;
    else input[guard.field] = raw;
  }
  return input;
}

interface TransitionFormProps {
  project: ProjectDetail;
  version: number;
  transitionId: TransitionId;
  areaOptions: SelectOption[];
  onDone: (message: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}

/** A form generated from the transition's field guards; the server's 422 details land on the same fields. */
function TransitionForm({ project, version, transitionId, areaOptions, onDone, onConflict, onCancel }: TransitionFormProps) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const definition = TRANSITIONS_BY_ID[transitionId];
  const guards = definition.fields;
  const guardOf = (field: string) => guards.find((guard) => guard.field === field);
  const formId = `transition-${transitionId}`;
  const firstField = useRef(false);
  useEffect(() => {
    if (firstField.current) return;
    firstField.current = true;
    const first = guards[0];
    if (first) document.getElementById(`${formId}-${first.field}`)?.focus();
  }, [formId, guards]);

  const form = useForm<Values>({
    id: formId,
    initialValues: Object.fromEntries(guards.map((guard) => [guard.field, ''])),
    validate: (values) => {
      const input = toInput(guards, values);
      const errors: FieldErrors = {};
      for (const guard of guards) {
        const problems = checkField(guard, input, new Date()).problems;
        if (problems.length > 0)
          errors[guard.field] = problems.map((p) =>
            ruleMessage(t, p.field, p.rule, p.message, guard, p.params as Record<string, string | number>),
          );
      }
      return errors;
    },
    onSubmit: async (values) => {
      try {
        await actions.transition(project.id, {
          transitionId,
          input: toInput(guards, values) as ProjectTransitionInput,
          expectedVersion: version,
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          if (error.code === ErrorCode.Conflict) onConflict();
          else await actions.refresh();
          throw error;
        }
        if (error instanceof ApiError && error.code === ErrorCode.TransitionFieldsMissing) {
          const fieldErrors: FieldErrors = {};
          for (const detail of error.details) {
            const guard = guardOf(detail.field);
            if (!guard) continue;
            fieldErrors[detail.field] = detail.messages.map((message, index) =>
              ruleMessage(t, detail.field, detail.rules?.[index] ?? 'invalid', message, guard),
            );
          }
          await actions.refresh();
          throw new FormError({ key: `errors.${error.code}`, text: error.message }, fieldErrors);
        }
        throw error;
      }
      onDone(t('projects.actions.done', { action: transitionLabel(t, transitionId) }));
    },
  });

  return (
    <Form
      form={form}
      submitLabel={transitionLabel(t, transitionId)}
      submitIcon="check"
      aria-labelledby={`${formId}-title`}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
    >
      {guards.map((guard) => {
        const label = fieldLabel(t, guard.field);
        const binding = { ...form.field(guard.field, { label }), required: guard.required };
        const hint = t(`workflow.fields.${guard.field}_hint`, { defaultValue: '' }) || undefined;
        switch (guard.type) {
          case GuardFieldType.Reference:
            return (
              <SelectField key={guard.field} {...binding} hint={hint} emptyOption={t('projects.actions.choose')} options={areaOptions} />
            );
          case GuardFieldType.Date:
            return <TextField key={guard.field} {...binding} hint={hint} type="date" />;
          case GuardFieldType.Money:
            return (
              <TextField
                key={guard.field}
                {...binding}
                hint={hint ?? t('projects.actions.moneyHint')}
                inputMode="decimal"
                autoComplete="off"
              />
            );
          default:
            return (
              <TextField
                key={guard.field}
                {...binding}
                hint={hint}
                multiline={(guard.maxLength ?? 0) > 200}
                rows={guard.field === 'reason' ? 3 : 5}
              />
            );
        }
      })}
    </Form>
  );
}

/** What blocks a step, translated per rule; things to record on the project first come first. */
export function MissingList({ missing, transitionId }: { missing: MissingField[]; transitionId: TransitionId }) {
  const { t } = useTranslation();
  const guards = TRANSITIONS_BY_ID[transitionId].fields;
  const ordered = [...missing].sort((a, b) => (a.source === b.source ? 0 : a.source === 'subject' ? -1 : 1));
  return (
    <ul className="kern-list project-missing">
      {ordered.map((entry, index) => (
        <li key={`${entry.field}-${entry.rule}-${index}`}>
          <strong>{fieldLabel(t, entry.field)}</strong>:{' '}
          {missingText(
            t,
            entry,
            guards.find((guard) => guard.field === entry.field),
          )}
        </li>
      ))}
    </ul>
  );
}

function TransitionEntry({
  project,
  version,
  item,
  open,
  areaOptions,
  onOpen,
  onClose,
  onDone,
  onConflict,
  evaluationAnchor,
}: {
  project: ProjectDetail;
  version: number;
  item: AvailableProjectTransition;
  evaluationAnchor?: string;
  open: boolean;
  areaOptions: SelectOption[];
  onOpen: () => void;
  onClose: () => void;
  onDone: (message: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const id = item.transitionId;
  const titleId = `transition-${id}-title`;
  const canOpen = item.allowedForRole && !item.blocked;
  return (
    <li className="project-transition" data-transition={id}>
      <h3 className="kern-heading-small" id={titleId}>
        {transitionLabel(t, id)}
      </h3>
      <p className="kern-body">
        {transitionDescription(t, id)}{' '}
        {TRANSITIONS_BY_ID[id].effect === 'create_instance'
          ? t('projects.actions.creates', { state: stateLabel(t, TRANSITIONS_BY_ID[id].to) })
          : t('projects.actions.nextState', { state: stateLabel(t, item.nextState) })}
      </p>
      {!item.allowedForRole ? (
        <p className="kern-body project-transition__role">
          <span className="kern-icon kern-icon--info kern-icon--small" aria-hidden="true" />{' '}
          {t('projects.actions.roleNeeded', { roles: roleList(t, item.allowedRoles), count: item.allowedRoles.length })}
        </p>
      ) : null}
      {item.missing.length > 0 ? (
        <div className="project-transition__missing">
          <p className="kern-body">{item.blocked ? t('projects.actions.blocked') : t('projects.actions.missing')}</p>
          <MissingList missing={item.missing} transitionId={id} />
          {item.blocked && evaluationAnchor && item.missing.some((m) => m.field.startsWith('runs')) ? (
            <p className="kern-body">
              <a className="kern-link" href={`#${evaluationAnchor}`}>
                {t('projects.actions.toEvaluation')}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      {canOpen && !open ? (
        <Button
          id={`transition-${id}-open`}
          variant={item.possible ? 'primary' : 'secondary'}
          aria-expanded={false}
          onClick={onOpen}
          aria-describedby={titleId}
        >
          {t('projects.actions.open')}
        </Button>
      ) : null}
      {canOpen && open ? (
        <TransitionForm
          project={project}
          version={version}
          transitionId={id}
          areaOptions={areaOptions}
          onDone={onDone}
          onConflict={onConflict}
          onCancel={onClose}
        />
      ) : null}
    </li>
  );
}

/**
 * The actions panel of moderators and administrators: every step the workflow offers from the current
 * state; the ones they may make open a form, the others say what is missing and who may make them.
 */
export function TransitionPanel({
  project,
  areaOptions,
  evaluationAnchor,
}: {
  project: ProjectDetail;
  areaOptions: SelectOption[];
  /** Id of the evaluation form on the page, when there is one: blocked steps link to it. */
  evaluationAnchor?: string;
}) {
  const { t } = useTranslation();
  const transitions = useProjectTransitions(project.id, true);
  const actions = useProjectActions();
  const [openId, setOpenId] = useState<TransitionId | null>(null);
  const [notice, setNotice] = useState<{ variant: 'success' | 'warning'; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  return (
    <>
      <div role="status" ref={noticeRef} tabIndex={-1} className="project-actions__notice">
        {notice ? <Alert variant={notice.variant} title={notice.text} /> : null}
      </div>
      <QueryState query={transitions}>
        {(data: ProjectTransitionsResponse) =>
          data.transitions.length === 0 ? (
            <p className="kern-body">{t('projects.actions.none')}</p>
          ) : (
            <ul className="project-transitions" role="list">
              {data.transitions.map((item) => (
                <TransitionEntry
                  key={`${item.transitionId}-${data.version}`}
                  project={project}
                  version={data.version}
                  item={item}
                  open={openId === item.transitionId}
                  areaOptions={areaOptions}
                  evaluationAnchor={evaluationAnchor}
                  onOpen={() => {
                    setNotice(null);
                    setOpenId(item.transitionId);
                  }}
                  onClose={() => {
                    setOpenId(null);
                    requestAnimationFrame(() => document.getElementById(`transition-${item.transitionId}-open`)?.focus());
                  }}
                  onDone={(text) => {
                    // Only this step's form closes: another one opened while the step was saved stays open.
                    setOpenId((current) => (current === item.transitionId ? null : current));
                    setNotice({ variant: 'success', text });
                  }}
                  onConflict={() => {
                    setOpenId(null);
                    setNotice({ variant: 'warning', text: t('projects.actions.conflict') });
                    void actions.refresh();
                  }}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

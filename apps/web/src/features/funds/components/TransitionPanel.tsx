import {
  APPLICATION_STATE_INFO,
  APPLICATION_TRANSITIONS_BY_ID,
  ApplicationState,
  type ApplicationDetail,
  type ApplicationTransitionId,
} from '@app/shared/funds';
import { GuardFieldType, type FieldGuard } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { ApiError } from '../../../lib/api-client';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useFundActions } from '../api/funds';
import { centsToInput, eurosOrRaw, fundsError, readEuros, transitionLabel } from './funds-text';

type Values = Record<string, string>;

const today = () => new Date().toISOString().slice(0, 10);

/** A sensible amount to start from: what the step before granted (the person can lower it). */
function initialAmount(application: ApplicationDetail, field: string): number | null {
  if (field === 'approvedAmountCents') return application.requestedAmountCents;
  if (field === 'paidAmountCents') return application.approvedAmountCents;
  if (field === 'spentAmountCents') return application.paidAmountCents;
  return null;
}

function toInput(guards: readonly FieldGuard[], values: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const guard of guards) {
    const raw = (values[guard.field] ?? '').trim();
    if (!raw) continue;
    input[guard.field] = guard.type === GuardFieldType.Money ? eurosOrRaw(raw) : raw;
  }
  return input;
}

interface FormProps {
  application: ApplicationDetail;
  transitionId: ApplicationTransitionId;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** The step's form, built from its field guards; the API's 422 details land on the same fields. */
function TransitionForm({ application, transitionId, onDone, onCancel }: FormProps) {
  const { t, i18n } = useTranslation();
  const actions = useFundActions();
  const definition = APPLICATION_TRANSITIONS_BY_ID[transitionId];
  const guards = definition.fields;
  const formId = `step-${transitionId}`;
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const first = guards[0];
    const target = first
      ? document.getElementById(`${formId}-${first.field}`)
      : document.querySelector<HTMLElement>(`#${formId} [type=submit]`);
    target?.focus();
  }, [formId, guards]);

  const initial: Values = Object.fromEntries(
    guards.map((guard) => [
      guard.field,
      guard.type === GuardFieldType.Money
        ? centsToInput(initialAmount(application, guard.field), i18n.language)
        : guard.type === GuardFieldType.Date
          ? today()
          : '',
    ]),
  );
  const form = useForm<Values>({
    id: formId,
    initialValues: initial,
    validate: (values) => {
      const errors: FieldErrors = {};
      for (const guard of guards) {
        if (guard.type !== GuardFieldType.Money || !values[guard.field]?.trim()) continue;
        const read = readEuros(values[guard.field]);
        if ('problem' in read) errors[guard.field] = [read.problem];
      }
      return errors;
    },
    onSubmit: async (values) => {
      try {
        await actions.transition(application.id, transitionId, toInput(guards, values));
      } catch (error) {
        // A step somebody else took meanwhile: the buttons show what is possible now.
        if (error instanceof ApiError && error.status === 409) await actions.refresh();
        throw fundsError(
          error,
          guards.map((guard) => guard.field),
          i18n.language,
        );
      }
      onDone(t('funds.actions.done', { action: transitionLabel(t, transitionId) }));
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
          {t('funds.actions.cancel')}
        </Button>
      }
    >
      <h3 className="kern-heading-small" id={`${formId}-title`}>
        {transitionLabel(t, transitionId)}
      </h3>
      <p className="kern-body">{t(`funds.transitionHints.${transitionId}`)}</p>
      {guards.map((guard) => {
        const label = t(`funds.fields.${guard.field}`);
        const binding = form.field(guard.field, {
          label,
          required: guard.required,
          minLength: guard.type === GuardFieldType.Text ? guard.minLength : undefined,
          maxLength: guard.type === GuardFieldType.Text ? guard.maxLength : undefined,
        });
        if (guard.type === GuardFieldType.Money) {
          return <TextField key={guard.field} {...binding} hint={t('funds.form.euroHint')} inputMode="decimal" autoComplete="off" />;
        }
        if (guard.type === GuardFieldType.Date) return <TextField key={guard.field} {...binding} type="date" />;
        return <TextField key={guard.field} {...binding} multiline rows={guard.field === 'report' ? 6 : 3} />;
      })}
    </Form>
  );
}

/**
 * The buttons for what the signed-in person may do now (the API's allowedTransitions), each opening
 * its form below; after a step the panel's heading takes focus and a status says what happened.
 */
export function TransitionPanel({
  application,
  canCreateProject,
  onDone,
}: {
  application: ApplicationDetail;
  canCreateProject: boolean;
  /** Where a list shows the panel: the list announces the step and takes focus (the entry may move to another state's group). */
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useFundActions();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<ApplicationTransitionId | null>(null);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const [projectError, setProjectError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice]);

  const offerProject =
    canCreateProject &&
    !application.project &&
    APPLICATION_STATE_INFO[application.state].commitsMoney &&
    application.state !== ApplicationState.Withdrawn;
  if (application.allowedTransitions.length === 0 && !offerProject && !notice) return null;

  const done = (text: string) => {
    // A message carried here from the form ("draft saved") is out of date after a step.
    if (location.state) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    setOpen(null);
    if (onDone) onDone(text);
    else setNotice({ text, at: Date.now() });
  };
  return (
    <section className="section section--boxed" aria-labelledby="application-actions-title">
      <h2 className="kern-heading-medium section__title" id="application-actions-title" ref={heading} tabIndex={-1}>
        {t('funds.actions.title')}
      </h2>
      <div role="status" className="app-form__status">
        {notice ? <p className="kern-body kern-body--bold">{notice.text}</p> : null}
      </div>
      {projectError ? (
        <p className="kern-error" role="alert">
          {projectError}
        </p>
      ) : null}
      <div className="kern-btn-wrapper application-actions">
        {application.allowedTransitions.map((id) => (
          <Button
            key={id}
            data-step={id}
            variant={open === id ? 'primary' : 'secondary'}
            aria-expanded={open === id}
            aria-controls={open === id ? `step-${id}` : undefined}
            onClick={() => setOpen(open === id ? null : id)}
          >
            {transitionLabel(t, id)}
          </Button>
        ))}
        {offerProject ? (
          <Button
            variant="secondary"
            icon="add"
            onClick={async () => {
              setProjectError(null);
              try {
                const created = await actions.createProject(application.id);
                done(t('funds.actions.projectCreated', { title: created.title }));
              } catch (error) {
                setProjectError(error instanceof Error ? error.message : String(error));
              }
            }}
          >
            {t('funds.actions.createProject')}
          </Button>
        ) : null}
      </div>
      {open ? (
        <TransitionForm
          key={open}
          application={application}
          transitionId={open}
          onDone={done}
          onCancel={() => {
            const id = open;
            setOpen(null);
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-step="${id}"]`)?.focus());
          }}
        />
      ) : null}
    </section>
  );
}

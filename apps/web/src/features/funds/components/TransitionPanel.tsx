import {
  APPLICATION_STATE_INFO,
  APPLICATION_TRANSITIONS_BY_ID,
  ApplicationState,
  ApplicationTransitionId,
  type ApplicationDetail,
} from '@app/shared/funds';
import { calendarDate, GuardFieldType, type FieldGuard } from '@app/shared';
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
import { centsToInput, eurosOrRaw, fundsError, readEuros, transitionLabel, useEuro } from './funds-text';

type Values = Record<string, string>;

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

  // The proof of use says what was spent by cost item; the amount spent is their sum.
  const byItem = transitionId === ApplicationTransitionId.SubmitProof && application.costItems.length > 0;
  const itemField = (index: number) => `spentItems.${index}.amountCents`;
  const shownGuards = byItem ? guards.filter((guard) => guard.field !== 'spentAmountCents') : guards;
  const initial: Values = Object.fromEntries([
    ...(byItem ? application.costItems.map((item, index) => [itemField(index), centsToInput(item.amountCents, i18n.language)]) : []),
    ...guards.map((guard) => [
      guard.field,
      guard.type === GuardFieldType.Money
        ? centsToInput(initialAmount(application, guard.field), i18n.language)
        : guard.type === GuardFieldType.Date
          ? calendarDate(new Date())
          : '',
    ]),
  ]);
  const firstField = byItem ? itemField(0) : shownGuards[0]?.field;
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const target = firstField
      ? document.getElementById(`${formId}-${firstField.replace(/[^\w-]/g, '-')}`)
      : document.querySelector<HTMLElement>(`#${formId} [type=submit]`);
    target?.focus();
  }, [formId, firstField]);
  /** The typed amounts of the cost items in cents, null while one does not parse. */
  const spentByItem = (values: Values) => {
    const cents = application.costItems.map((_, index) => readEuros(values[itemField(index)] ?? ''));
    return cents.every((read) => 'cents' in read) ? cents.map((read) => ('cents' in read ? read.cents : 0)) : null;
  };
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
      if (byItem) {
        application.costItems.forEach((_, index) => {
          const read = readEuros(values[itemField(index)] ?? '');
          if ('problem' in read) errors[itemField(index)] = [read.problem];
        });
      }
      return errors;
    },
    onSubmit: async (values) => {
      try {
        const input = toInput(shownGuards, values);
        const spent = byItem ? spentByItem(values) : null;
        if (spent) {
          input.spentItems = application.costItems.map((item, index) => ({ label: item.label, amountCents: spent[index] }));
          input.spentAmountCents = spent.reduce((sum, cents) => sum + cents, 0);
        }
        await actions.transition(application.id, transitionId, input);
      } catch (error) {
        // A step somebody else took meanwhile: the buttons show what is possible now.
        if (error instanceof ApiError && error.status === 409) await actions.refresh();
        throw fundsError(
          error,
          [...shownGuards.map((guard) => guard.field), ...application.costItems.map((_, i) => itemField(i))],
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
      {byItem
        ? application.costItems.map((item, index) => (
            <TextField
              key={itemField(index)}
              {...form.field(itemField(index), { label: t('funds.form.spentFor', { item: item.label }), required: true })}
              hint={t('funds.form.euroHint')}
              inputMode="decimal"
              autoComplete="off"
            />
          ))
        : null}
      {byItem ? <SpentSum cents={spentByItem(form.values)} paid={application.paidAmountCents} /> : null}
      {shownGuards.map((guard) => {
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

function SpentSum({ cents, paid }: { cents: number[] | null; paid: number | null }) {
  const { t } = useTranslation();
  const euro = useEuro();
  if (!cents) return <p className="kern-body kern-body--bold">{t('funds.form.sumPending')}</p>;
  return (
    <p className="kern-body kern-body--bold">
      {t('funds.form.spentSum', { amount: euro(cents.reduce((sum, value) => sum + value, 0)), paid: euro(paid) })}
    </p>
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

  /** After a step (`step`: the one whose form was sent; it closes, a form opened meanwhile stays open). */
  const done = (text: string, step?: ApplicationTransitionId) => {
    // A message carried here from the form ("draft saved") is out of date after a step.
    if (location.state) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    setOpen((current) => (step === undefined || current === step ? null : current));
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
          onDone={(text) => done(text, open)}
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

import {
  NO_ROUND_PARAMETERS,
  TRANSLATION_LANGUAGES,
  VOTING_OPTIONS_MAX,
  VOTING_QUESTION_MAX,
  VOTING_TYPES,
  VotingType,
  votingType,
  type RoundParameterName,
  type RoundParameters,
  type RoundTranslationInput,
  type VotingTypeDefinition,
} from '@app/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { ActionError, useLiveAction } from '../common';
import { BudgetItemsFields, budgetInput, emptyBudgetDraft, fundBudgetDraft, type BudgetDraft } from './BudgetItemsFields';
import { useConsole } from './ConsoleContext';
import { FundSource } from './FundSource';
import { fixedOptionsHint, roundFields, translationInput } from './round-translations';
import { complete, TranslationsDraft, type Drafts } from './TranslationsEditor';

/** The console's field ids of the round parameters (kept stable for the browser tests and labels). */
const PARAMETER_FIELD_IDS: Record<RoundParameterName, string> = { maxChoices: 'round-max', points: 'round-points' };

/** Each parameter's starting value, from the types that take it. */
const INITIAL_PARAMETERS = Object.fromEntries(
  VOTING_TYPES.flatMap((type) => votingType(type).parameters.map((spec) => [spec.name, String(spec.initial)])),
) as Record<RoundParameterName, string>;

/** The parameters as sent: the type's own ones as numbers (at least their minimum), every other one null. */
function parameterValues(definition: VotingTypeDefinition, values: Record<RoundParameterName, string>): RoundParameters {
  const out: RoundParameters = { ...NO_ROUND_PARAMETERS };
  for (const spec of definition.parameters) out[spec.name] = Number(values[spec.name]) || spec.min;
  return out;
}

export function CreateRoundForm() {
  const { live, state, moderator, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const [question, setQuestion] = useState('');
  const [type, setType] = useState<VotingType>(VotingType.YesNoAbstain);
  const [options, setOptions] = useState('');
  const [parameters, setParameters] = useState<Record<RoundParameterName, string>>(INITIAL_PARAMETERS);
  const [secret, setSecret] = useState(true);
  // The assembly's "votes binding" setting decides how a new round starts out; the moderator may change it per round.
  const [requireCheckIn, setRequireCheckIn] = useState(moderator.requireCheckInByDefault);
  const [problem, setProblem] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [budgetDraft, setBudgetDraft] = useState<BudgetDraft>(emptyBudgetDraft);
  const definition = votingType(type);
  const needsOptions = definition.options.kind === 'labels';
  const needsItems = definition.options.kind === 'items';
  const minOptions = definition.options.kind === 'labels' ? definition.options.min : 0;
  const budget = needsItems ? budgetInput(t, budgetDraft) : null;
  const labels = needsOptions
    ? options
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : budget && 'items' in budget
      ? budget.items.map((item) => item.label)
      : [];
  const fields = roundFields(t, question.trim(), labels);
  const draftLanguages = TRANSLATION_LANGUAGES.filter((l) => drafts[l]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const issue = !question.trim()
      ? t('live.console.voting.errors.question')
      : needsOptions && (labels.length < minOptions || labels.length > VOTING_OPTIONS_MAX)
        ? t('live.console.voting.errors.options', { max: VOTING_OPTIONS_MAX })
        : budget && 'problem' in budget
          ? budget.problem
          : draftLanguages.some((l) => !complete(fields, drafts[l]))
            ? t('live.console.translations.incomplete')
            : null;
    setProblem(issue);
    if (issue) return;
    const translations: RoundTranslationInput[] = draftLanguages.map((language) => ({
      language,
      ...translationInput(drafts[language] ?? {}, needsOptions || needsItems ? labels.length : null),
    }));
    await action.run(
      () =>
        live.send('round:create', {
          agendaItemId: state.currentItemId,
          question: question.trim(),
          type,
          options: needsOptions ? labels : undefined,
          ...parameterValues(definition, parameters),
          ...(budget && 'items' in budget ? budget : {}),
          secret,
          requireCheckIn,
          ...(translations.length ? { translations } : {}),
        }),
      () => {
        setQuestion('');
        setOptions('');
        setBudgetDraft(emptyBudgetDraft());
        setDrafts({});
        announce(t('live.console.voting.created'));
      },
    );
  }

  return (
    <form className="live-form live-form--round" onSubmit={create} noValidate aria-labelledby="console-round-create">
      <h3 className="kern-heading-x-small" id="console-round-create">
        {t('live.console.voting.create')}
      </h3>
      <FormField id="round-question" label={t('live.console.voting.question')}>
        {(aria) => (
          <input
            id="round-question"
            {...aria}
            maxLength={VOTING_QUESTION_MAX}
            value={question}
            onChange={(event) => setQuestion(event.target.value)}
          />
        )}
      </FormField>
      <FormField id="round-type" label={t('live.console.voting.type')} inputClass="kern-form-input__select">
        {(aria) => (
          <div className="kern-form-input__select-wrapper">
            <select id="round-type" {...aria} value={type} onChange={(event) => setType(event.target.value as VotingType)}>
              {VOTING_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(votingType(value).texts.name)}
                </option>
              ))}
            </select>
          </div>
        )}
      </FormField>
      {needsOptions ? (
        <FormField
          id="round-options"
          label={t('live.console.voting.options')}
          hint={t('live.console.voting.optionsHint', { max: VOTING_OPTIONS_MAX })}
        >
          {(aria) => (
            <textarea id="round-options" {...aria} rows={4} value={options} onChange={(event) => setOptions(event.target.value)} />
          )}
        </FormField>
      ) : null}
      {needsItems ? (
        <>
          <FundSource
            onLoad={({ fund, applications }) => {
              setBudgetDraft(fundBudgetDraft(fund.balance.remainingCents, applications));
              if (!question.trim()) setQuestion(t('live.console.voting.fund.question', { title: fund.title }));
            }}
          />
          <BudgetItemsFields draft={budgetDraft} onChange={setBudgetDraft} />
        </>
      ) : null}
      {definition.parameters.map((spec) => (
        <FormField key={spec.name} id={PARAMETER_FIELD_IDS[spec.name]} label={t(spec.label)}>
          {(aria) => (
            <input
              id={PARAMETER_FIELD_IDS[spec.name]}
              {...aria}
              className={`${aria.className} live-number`}
              type="number"
              min={spec.min}
              value={parameters[spec.name]}
              onChange={(event) => setParameters((current) => ({ ...current, [spec.name]: event.target.value }))}
            />
          )}
        </FormField>
      ))}
      <div className="kern-form-check">
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          id="round-secret"
          checked={secret}
          onChange={(event) => setSecret(event.target.checked)}
        />
        <label className="kern-label" htmlFor="round-secret">
          {t('live.console.voting.secret')}
        </label>
      </div>
      <div className="kern-form-check">
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          id="round-checkin"
          checked={requireCheckIn}
          onChange={(event) => setRequireCheckIn(event.target.checked)}
        />
        <label className="kern-label" htmlFor="round-checkin">
          {t('live.console.voting.requireCheckIn')}
        </label>
      </div>
      <TranslationsDraft
        idPrefix="round-translation"
        fields={fields}
        drafts={drafts}
        onChange={setDrafts}
        hint={fixedOptionsHint(t, definition)}
      />
      {problem ? (
        <p className="kern-error" role="alert">
          <span className="kern-body">{problem}</span>
        </p>
      ) : null}
      <ActionError action={action} />
      <Button type="submit" icon="add" busy={action.busy}>
        {t('live.console.voting.createSubmit')}
      </Button>
    </form>
  );
}

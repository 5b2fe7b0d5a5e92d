import {
  AgendaItemType,
  NO_ROUND_PARAMETERS,
  VOTING_OPTIONS_MAX,
  VOTING_TYPES,
  VotingType,
  normalizePreparedVote,
  votingType,
  type PreparedVote,
  type RoundParameterName,
  type RoundParameters,
} from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import type { FieldIdentity } from '../../../lib/use-form';

/** A vote item's prepared vote as typed: the options one per line, the numbers as text. */
export interface VoteDraft {
  question: string;
  type: VotingType;
  options: string;
  parameters: Record<RoundParameterName, string>;
  secret: boolean;
  requireCheckIn: boolean;
}

/** The fields of a prepared vote that can carry an error (named like the API's details). */
export const VOTE_FIELDS = ['question', 'type', 'options', 'maxChoices', 'points'] as const;
export type VoteFieldName = (typeof VOTE_FIELDS)[number];
export type VoteFieldIdentities = Record<VoteFieldName, FieldIdentity>;

const INITIAL_PARAMETERS = Object.fromEntries(
  VOTING_TYPES.flatMap((type) => votingType(type).parameters.map((spec) => [spec.name, String(spec.initial)])),
) as Record<RoundParameterName, string>;

/** A prepared vote to edit: `vote`'s values, or an empty one binding when the assembly's votes are (`requireCheckIn`). */
export function newVoteDraft(vote?: PreparedVote | null, requireCheckIn = false): VoteDraft {
  if (!vote)
    return {
      question: '',
      type: VotingType.YesNoAbstain,
      options: '',
      parameters: INITIAL_PARAMETERS,
      secret: true,
      requireCheckIn,
    };
  const parameters = { ...INITIAL_PARAMETERS };
  for (const spec of votingType(vote.type).parameters) parameters[spec.name] = String(vote[spec.name] ?? spec.initial);
  return {
    question: vote.question,
    type: vote.type,
    options: vote.options.join('\n'),
    parameters,
    secret: vote.secret,
    requireCheckIn: vote.requireCheckIn,
  };
}

/** The prepared vote sent with the agenda: null when nothing was typed (the item has no prepared vote). */
export function preparedVoteOf(type: AgendaItemType, draft: VoteDraft): PreparedVote | null {
  if (type !== AgendaItemType.Vote || (!draft.question.trim() && !draft.options.trim())) return null;
  const definition = votingType(draft.type);
  const parameters: RoundParameters = { ...NO_ROUND_PARAMETERS };
  for (const spec of definition.parameters) {
    const value = draft.parameters[spec.name].trim();
    parameters[spec.name] = value === '' ? null : Number(value);
  }
  return {
    question: draft.question.trim(),
    type: draft.type,
    options:
      definition.options.kind === 'labels'
        ? draft.options
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : [],
    maxChoices: parameters.maxChoices,
    points: parameters.points,
    secret: draft.secret,
    requireCheckIn: draft.requireCheckIn,
  };
}

/** The browser's check of a prepared vote: the voting model's rules (the API checks the same), as texts. */
export function preparedVoteErrors(prefix: string, vote: PreparedVote | null): FieldErrors {
  if (!vote) return {};
  const errors: FieldErrors = {};
  for (const problem of normalizePreparedVote(vote).problems) {
    const field = problem.field as VoteFieldName;
    errors[`${prefix}.${field}`] = [
      { key: `assemblies.agenda.vote.errors.${field}`, params: { max: VOTING_OPTIONS_MAX }, text: problem.message },
    ];
  }
  return errors;
}

interface PreparedVoteEditorProps {
  draft: VoteDraft;
  onChange: (draft: VoteDraft) => void;
  fields: VoteFieldIdentities;
  /** The item's name for the group's label. */
  itemName: string;
}

/** Question, type, options, the type's numbers, secret and binding of a vote item, prepared before the assembly. */
export function PreparedVoteEditor({ draft, onChange, fields, itemName }: PreparedVoteEditorProps) {
  const { t } = useTranslation();
  const definition = votingType(draft.type);
  const set = (patch: Partial<VoteDraft>) => onChange({ ...draft, ...patch });
  const shortLabel: Record<VoteFieldName, string> = {
    question: t('live.console.voting.question'),
    type: t('live.console.voting.type'),
    options: t('live.console.voting.options'),
    maxChoices: t('live.console.voting.maxChoices'),
    points: t('live.console.voting.points'),
  };
  const text = (
    name: 'question' | 'options' | RoundParameterName,
    control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode,
    hint?: string,
  ) => {
    const field = fields[name];
    const hasError = field.errors.length > 0;
    const describedBy = [hint ? `${field.id}-hint` : null, hasError ? `${field.id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`kern-form-input${hasError ? ' kern-form-input--error' : ''}`}>
        <label className="kern-label" htmlFor={field.id}>
          {shortLabel[name]}
        </label>
        {hint ? (
          <div className="kern-hint" id={`${field.id}-hint`}>
            {hint}
          </div>
        ) : null}
        {control({
          id: field.id,
          'aria-invalid': hasError || undefined,
          'aria-describedby': describedBy,
          className: `kern-form-input__input${hasError ? ' kern-form-input__input--error' : ''}`,
        })}
        {hasError ? <FieldError id={`${field.id}-error`} errors={field.errors} /> : null}
      </div>
    );
  };
  return (
    <fieldset className="kern-fieldset agenda-vote" aria-describedby={`${fields.question.id}-group-hint`}>
      <legend className="kern-label">{t('assemblies.agenda.vote.legend', { title: itemName })}</legend>
      <div className="kern-hint" id={`${fields.question.id}-group-hint`}>
        {t('assemblies.agenda.vote.hint')}
      </div>
      {text('question', (props) => (
        <input {...props} maxLength={300} value={draft.question} onChange={(event) => set({ question: event.target.value })} />
      ))}
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={fields.type.id}>
          {shortLabel.type}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            className="kern-form-input__select"
            id={fields.type.id}
            value={draft.type}
            onChange={(event) => set({ type: event.target.value as VotingType })}
          >
            {/* A budget vote's items carry amounts: it is created in the live console, not prepared here. */}
            {VOTING_TYPES.filter((value) => votingType(value).options.kind !== 'items').map((value) => (
              <option key={value} value={value}>
                {t(votingType(value).texts.name)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {definition.options.kind === 'labels'
        ? text(
            'options',
            (props) => <textarea {...props} rows={4} value={draft.options} onChange={(event) => set({ options: event.target.value })} />,
            t('live.console.voting.optionsHint', { max: VOTING_OPTIONS_MAX }),
          )
        : null}
      {definition.parameters.map((spec) => (
        <div key={spec.name}>
          {text(spec.name, (props) => (
            <input
              {...props}
              className={`${props.className} agenda-vote__number`}
              type="number"
              inputMode="numeric"
              min={spec.min}
              value={draft.parameters[spec.name]}
              onChange={(event) => set({ parameters: { ...draft.parameters, [spec.name]: event.target.value } })}
            />
          ))}
        </div>
      ))}
      <div className="kern-form-check">
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          id={`${fields.question.id}-secret`}
          checked={draft.secret}
          onChange={(event) => set({ secret: event.target.checked })}
        />
        <label className="kern-label" htmlFor={`${fields.question.id}-secret`}>
          {t('live.console.voting.secret')}
        </label>
      </div>
      <div className="kern-form-check">
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          id={`${fields.question.id}-binding`}
          checked={draft.requireCheckIn}
          onChange={(event) => set({ requireCheckIn: event.target.checked })}
        />
        <label className="kern-label" htmlFor={`${fields.question.id}-binding`}>
          {t('live.console.voting.requireCheckIn')}
        </label>
      </div>
    </fieldset>
  );
}

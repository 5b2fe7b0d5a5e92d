/** Building blocks the type files share: the moderator's option labels and the choice ballot. */
import type { VotingOption } from '../types/assemblies';
import type { BallotContent, RoundDefinition, VotingProblem } from './model';

/** Labels → options o1, o2, …; at least `min`, trimmed, different from each other (ignoring case). */
export function optionsFromLabels(
  labels: readonly string[] | undefined,
  min: number,
): { options: VotingOption[]; problems: VotingProblem[] } {
  const trimmed = (labels ?? []).map((l) => l.trim());
  const problems: VotingProblem[] = [];
  if (trimmed.length < min) problems.push({ field: 'options', message: `options must have at least ${min} labels for this type` });
  if (new Set(trimmed.map((l) => l.toLowerCase())).size !== trimmed.length)
    problems.push({ field: 'options', message: 'options must be different from each other' });
  return { options: trimmed.map((label, i) => ({ id: `o${i + 1}`, label })), problems };
}

/**
 * A ballot of chosen options, between `min` and `max` of them, each counting one vote.
 * `countMessage` is the API's message when the number does not fit; `tooManyText` gives too many
 * choices the web's own text (where a person can choose more than one).
 */
export function choiceBallot(
  round: RoundDefinition,
  ballot: BallotContent,
  limits: { min: number; max: number; countMessage: string; tooManyText?: boolean },
): { increments: Record<string, number>; problems: VotingProblem[] } {
  const problems: VotingProblem[] = [];
  const known = new Set(round.options.map((o) => o.id));
  const increments: Record<string, number> = {};
  if (ballot.points !== undefined) problems.push({ field: 'points', message: 'points are only for dot voting; send optionIds' });
  const ids = ballot.optionIds ?? [];
  if (ids.length < limits.min || ids.length > limits.max)
    problems.push({
      field: 'optionIds',
      message: limits.countMessage,
      ...(ids.length === 0
        ? { key: 'live.vote.errors.nothingChosen' }
        : ids.length > limits.max && limits.tooManyText
          ? { key: 'live.vote.errors.tooMany', values: { count: limits.max } }
          : {}),
    });
  ids.forEach((id, i) => {
    if (!known.has(id)) problems.push({ field: `optionIds.${i}`, message: 'optionIds must be options of this round' });
    else if (id in increments) problems.push({ field: `optionIds.${i}`, message: 'each option may be chosen once' });
    else increments[id] = 1;
  });
  return { increments, problems };
}

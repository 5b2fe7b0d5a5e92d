import { VotingType } from '../enums/assembly';
import type { VotingOption } from '../types/assemblies';
import { budgetVote } from './budget';
import { dotVoting } from './dot-voting';
import type { BallotContent, RoundDefinition, RoundInput, RoundParameters, VotingProblem, VotingTypeDefinition } from './model';
import { multipleChoice } from './multiple-choice';
import { optionsFromLabels } from './options';
import { singleChoice } from './single-choice';
import { yesNoAbstain } from './yes-no-abstain';

/** Every voting type, in the order the console offers them. The Record makes a missing type a compile error. */
export const VOTING_MODEL: Readonly<Record<VotingType, VotingTypeDefinition>> = {
  [VotingType.YesNoAbstain]: yesNoAbstain,
  [VotingType.SingleChoice]: singleChoice,
  [VotingType.MultipleChoice]: multipleChoice,
  [VotingType.DotVoting]: dotVoting,
  [VotingType.Budget]: budgetVote,
};

export function votingType(type: VotingType): VotingTypeDefinition {
  const definition = VOTING_MODEL[type] as VotingTypeDefinition | undefined;
  if (!definition) throw new Error(`Unknown voting type: ${String(type)}`);
  return definition;
}

/** The stored parameters of a type: its own ones as given, every other one null. */
export const NO_ROUND_PARAMETERS: Readonly<RoundParameters> = { maxChoices: null, points: null, budgetCents: null };

/** A new round's options and parameters from the moderator's input, or the problems with it. */
export function defineRound(
  type: VotingType,
  input: RoundInput,
): { options: VotingOption[]; parameters: RoundParameters; problems: VotingProblem[] } {
  const definition = votingType(type);
  if (definition.options.kind === 'fixed') {
    const options = definition.options.options.map((o) => ({ ...o }));
    const checked = definition.checkParameters(input, options);
    return { options, parameters: { ...NO_ROUND_PARAMETERS, ...checked.parameters }, problems: checked.problems };
  }
  const { options, problems } =
    definition.options.kind === 'items'
      ? definition.options.itemOptions(input.items)
      : optionsFromLabels(input.options, definition.options.min);
  const checked = definition.checkParameters(input, options);
  return { options, parameters: { ...NO_ROUND_PARAMETERS, ...checked.parameters }, problems: [...problems, ...checked.problems] };
}

/** Checks a ballot against its round: the tally increments (option id → votes or points), or the problems. */
export function validateBallot(round: RoundDefinition, ballot: BallotContent) {
  return votingType(round.type).validateBallot(round, ballot);
}

/** The web's text for the first problem of a ballot a person can fix (null: nothing to say before sending). */
export function ballotProblemText(problems: readonly VotingProblem[]): { key: string; values?: Record<string, number> } | null {
  const problem = problems.find((p) => p.key);
  return problem?.key ? { key: problem.key, values: problem.values } : null;
}

/** Whether clients translate this round's option labels (the fixed yes/no/abstain ones). */
export function translatesOptionLabels(round: Pick<RoundDefinition, 'type'>): boolean {
  return votingType(round.type).translatesOptionLabels;
}

import { VotingType } from '../enums/assembly';
import type { RoundDefinition, VotingTypeDefinition } from './model';
import { choiceBallot } from './options';

/** The most options a ballot may choose (all of them when the round sets no limit). */
export const maxChoicesOf = (round: Pick<RoundDefinition, 'maxChoices' | 'options'>) => round.maxChoices ?? round.options.length;

/** Up to `maxChoices` of the moderator's options, each chosen one counting one vote. */
export const multipleChoice: VotingTypeDefinition = {
  type: VotingType.MultipleChoice,
  options: { kind: 'labels', min: 2 },
  parameters: [{ name: 'maxChoices', initial: 2, min: 1, label: 'live.console.voting.maxChoices' }],
  checkParameters: (input, options) => {
    const maxChoices = input.maxChoices ?? options.length;
    return {
      parameters: { maxChoices },
      problems:
        maxChoices < 1 || maxChoices > options.length
          ? [{ field: 'maxChoices', message: `maxChoices must be between 1 and the number of options (${options.length})` }]
          : [],
    };
  },
  input: 'multiple',
  validateBallot: (round, ballot) => {
    const max = maxChoicesOf(round);
    return choiceBallot(round, ballot, {
      min: 1,
      max,
      countMessage: `optionIds must contain between 1 and ${max} options`,
      tooManyText: true,
    });
  },
  unit: 'votes',
  texts: {
    name: 'live.console.voting.types.multiple_choice',
    hint: (round) => ({ key: 'live.vote.hintMultiple', values: { count: maxChoicesOf(round) } }),
    minutes: (round) =>
      round.maxChoices ? { key: 'typeMultipleChoice', values: { max: round.maxChoices } } : { key: 'typeMultipleChoiceNoMax' },
  },
  translatesOptionLabels: false,
};

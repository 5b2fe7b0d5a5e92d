import { VotingType } from '../enums/assembly';
import type { VotingTypeDefinition } from './model';
import { choiceBallot } from './options';

/** One of the moderator's options (at least two). */
export const singleChoice: VotingTypeDefinition = {
  type: VotingType.SingleChoice,
  options: { kind: 'labels', min: 2 },
  parameters: [],
  checkParameters: () => ({ parameters: {}, problems: [] }),
  input: 'single',
  validateBallot: (round, ballot) =>
    choiceBallot(round, ballot, { min: 1, max: 1, countMessage: 'optionIds must contain exactly one option' }),
  unit: 'votes',
  texts: {
    name: 'live.console.voting.types.single_choice',
    hint: () => ({ key: 'live.vote.hintSingle' }),
    minutes: () => ({ key: 'typeSingleChoice' }),
  },
  translatesOptionLabels: false,
};

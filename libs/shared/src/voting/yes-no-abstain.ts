import { VotingType } from '../enums/assembly';
import type { VotingTypeDefinition } from './model';
import { choiceBallot } from './options';

/** Yes, no or abstain: fixed options (clients translate them by label), one choice per ballot. */
export const yesNoAbstain: VotingTypeDefinition = {
  type: VotingType.YesNoAbstain,
  options: {
    kind: 'fixed',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
      { id: 'abstain', label: 'Abstain' },
    ],
  },
  parameters: [],
  checkParameters: () => ({ parameters: {}, problems: [] }),
  input: 'single',
  validateBallot: (round, ballot) =>
    choiceBallot(round, ballot, { min: 1, max: 1, countMessage: 'optionIds must contain exactly one option' }),
  unit: 'votes',
  texts: {
    name: 'live.console.voting.types.yes_no_abstain',
    hint: () => ({ key: 'live.vote.hintSingle' }),
    minutes: () => ({ key: 'typeYesNoAbstain' }),
  },
  translatesOptionLabels: true,
};

import type { PreparedVote } from '../types/assemblies';
import type { VotingProblem } from './model';
import { defineRound, votingType } from './registry';

/**
 * A prepared vote as stored: checked by the same rules as a round created in the console
 * (defineRound), its labels trimmed, only its type's options and parameters kept.
 */
export function normalizePreparedVote(input: PreparedVote): { vote: PreparedVote; problems: VotingProblem[] } {
  const { options, parameters, problems } = defineRound(input.type, input);
  const labels = votingType(input.type).options.kind === 'labels' ? options.map((o) => o.label) : [];
  const question = input.question.trim();
  const all: VotingProblem[] = question ? [...problems] : [{ field: 'question', message: 'question must not be empty' }, ...problems];
  // A budget vote's items carry amounts and references the agenda does not keep: it is created in the console.
  if (votingType(input.type).options.kind === 'items')
    all.push({ field: 'type', message: 'a budget vote is created in the live console, not prepared on the agenda' });
  return {
    vote: {
      question,
      type: input.type,
      options: labels,
      maxChoices: parameters.maxChoices,
      points: parameters.points,
      secret: input.secret,
      requireCheckIn: input.requireCheckIn,
    },
    problems: all,
  };
}

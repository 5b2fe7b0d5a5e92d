import { VotingType } from '../enums/assembly';
import type { VotingProblem, VotingTypeDefinition } from './model';

/** Each participant distributes up to `points` points over the moderator's options. */
export const dotVoting: VotingTypeDefinition = {
  type: VotingType.DotVoting,
  options: { kind: 'labels', min: 2 },
  parameters: [{ name: 'points', initial: 5, min: 1, label: 'live.console.voting.points' }],
  checkParameters: (input) => ({
    parameters: { points: input.points ?? null },
    problems: input.points == null ? [{ field: 'points', message: 'points must be given for dot voting' }] : [],
  }),
  input: 'points',
  validateBallot: (round, ballot) => {
    const problems: VotingProblem[] = [];
    const known = new Set(round.options.map((o) => o.id));
    const increments: Record<string, number> = {};
    const noPoints: VotingProblem = {
      field: 'points',
      message: 'points must distribute at least one point',
      key: 'live.vote.errors.noPoints',
    };
    if (ballot.optionIds !== undefined)
      problems.push({ field: 'optionIds', message: 'optionIds must be left out for dot voting; send points' });
    const points = ballot.points ?? [];
    if (!points.length) problems.push(noPoints);
    let sum = 0;
    points.forEach((p, i) => {
      if (!known.has(p.optionId)) problems.push({ field: `points.${i}.optionId`, message: 'optionId must be an option of this round' });
      else if (p.optionId in increments) problems.push({ field: `points.${i}.optionId`, message: 'each option may appear once' });
      else increments[p.optionId] = p.points;
      sum += p.points;
    });
    const max = round.points ?? 0;
    if (sum > max)
      problems.push({
        field: 'points',
        message: `points must add up to at most ${max} (they add up to ${sum})`,
        key: 'live.vote.errors.tooManyPoints',
        values: { count: max },
      });
    for (const id of Object.keys(increments)) if (increments[id] === 0) delete increments[id];
    if (points.length && sum === 0) problems.push(noPoints);
    return { increments, problems };
  },
  unit: 'points',
  texts: {
    name: 'live.console.voting.types.dot_voting',
    hint: (round) => ({ key: 'live.vote.hintDots', values: { count: round.points ?? 0 } }),
    minutes: (round) => (round.points ? { key: 'typeDotVoting', values: { points: round.points } } : { key: 'typeDotVotingNoPoints' }),
  },
  translatesOptionLabels: false,
};

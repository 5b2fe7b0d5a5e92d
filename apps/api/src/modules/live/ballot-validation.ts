import { ErrorCode, VotingType, type CastBallotPayload, type FieldErrorDetail, type VotingOption } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { VotingRoundEntity } from '../assemblies/entities/live.entities';

/** The fixed options of a yes/no/abstain round (clients translate them by id). */
export const YES_NO_ABSTAIN_OPTIONS: readonly VotingOption[] = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
  { id: 'abstain', label: 'Abstain' },
];

/**
 * Checks a ballot against its round's type and returns its choices (option id → votes or points).
 * Every problem is reported with its field, as 422 BALLOT_INVALID.
 */
export function validateBallot(
  round: Pick<VotingRoundEntity, 'type' | 'options' | 'maxChoices' | 'points'>,
  ballot: Pick<CastBallotPayload, 'optionIds' | 'points'>,
): Record<string, number> {
  const details: FieldErrorDetail[] = [];
  const known = new Set(round.options.map((o) => o.id));
  const choices: Record<string, number> = {};
  const fail = (field: string, message: string) => details.push({ field, messages: [message] });

  if (round.type === VotingType.DotVoting) {
    if (ballot.optionIds !== undefined) fail('optionIds', 'optionIds must be left out for dot voting; send points');
    const points = ballot.points ?? [];
    if (!points.length) fail('points', 'points must distribute at least one point');
    let sum = 0;
    points.forEach((p, i) => {
      if (!known.has(p.optionId)) fail(`points.${i}.optionId`, 'optionId must be an option of this round');
      else if (p.optionId in choices) fail(`points.${i}.optionId`, 'each option may appear once');
      else choices[p.optionId] = p.points;
      sum += p.points;
    });
    const max = round.points ?? 0;
    if (sum > max) fail('points', `points must add up to at most ${max} (they add up to ${sum})`);
    for (const id of Object.keys(choices)) if (choices[id] === 0) delete choices[id];
    if (points.length && sum === 0) fail('points', 'points must distribute at least one point');
  } else {
    if (ballot.points !== undefined) fail('points', 'points are only for dot voting; send optionIds');
    const ids = ballot.optionIds ?? [];
    const max = round.type === VotingType.MultipleChoice ? (round.maxChoices ?? round.options.length) : 1;
    if (round.type === VotingType.MultipleChoice) {
      if (ids.length < 1 || ids.length > max) fail('optionIds', `optionIds must contain between 1 and ${max} options`);
    } else if (ids.length !== 1) {
      fail('optionIds', 'optionIds must contain exactly one option');
    }
    ids.forEach((id, i) => {
      if (!known.has(id)) fail(`optionIds.${i}`, 'optionIds must be options of this round');
      else if (id in choices) fail(`optionIds.${i}`, 'each option may be chosen once');
      else choices[id] = 1;
    });
  }
  if (details.length)
    throw new DomainError(ErrorCode.BallotInvalid, 'This ballot does not fit the voting round. Please check your choice.', details);
  return choices;
}

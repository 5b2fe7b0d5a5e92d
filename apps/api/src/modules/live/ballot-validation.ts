import { ErrorCode, validateBallot as checkBallot, type CastBallotPayload, type FieldErrorDetail, type VotingProblem } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { VotingRoundEntity } from './entities/live.entities';

/** The voting model's problems as the API's field details (one message per problem, in order). */
export const problemDetails = (problems: readonly VotingProblem[]): FieldErrorDetail[] =>
  problems.map((p) => ({ field: p.field, messages: [p.message] }));

/**
 * Checks a ballot against its round's type (libs/shared voting model) and returns how it adds to the
 * tally (option id → votes or points). Every problem is reported with its field, as 422 BALLOT_INVALID.
 */
export function validateBallot(
  round: Pick<VotingRoundEntity, 'type' | 'options' | 'maxChoices' | 'points' | 'budgetCents'>,
  ballot: Pick<CastBallotPayload, 'optionIds' | 'points'>,
): Record<string, number> {
  const { increments, problems } = checkBallot(round, ballot);
  if (problems.length)
    throw new DomainError(
      ErrorCode.BallotInvalid,
      'This ballot does not fit the voting round. Please check your choice.',
      problemDetails(problems),
    );
  return increments;
}

import { isUUID } from 'class-validator';
import { VOTING_OPTIONS_MAX } from '@app/shared';
import type { CastBallotPayloadDto } from './dto/live-events.dto';

const KEYS = new Set(['roundId', 'optionIds', 'idempotencyKey']);
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The common ballot (a round, option ids, a key) checked by hand: a burst of ballots spends a large
 * part of its time in class-validator otherwise. It accepts only what CastBallotPayloadDto accepts
 * (never more); anything else returns null and takes the full validation with its field details.
 */
export function plainBallotPayload(value: object): CastBallotPayloadDto | null {
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!KEYS.has(key)) return null;
  const { roundId, optionIds, idempotencyKey } = v;
  if (typeof roundId !== 'string' || !isUUID(roundId)) return null;
  if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(idempotencyKey)) return null;
  if (optionIds !== undefined) {
    if (!Array.isArray(optionIds) || optionIds.length > VOTING_OPTIONS_MAX) return null;
    if (!optionIds.every((id) => typeof id === 'string' && id.length <= 36)) return null;
  }
  return { roundId, idempotencyKey, ...(optionIds === undefined ? {} : { optionIds: optionIds as string[] }) };
}

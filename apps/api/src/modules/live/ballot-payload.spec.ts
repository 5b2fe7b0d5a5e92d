import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { plainBallotPayload } from './ballot-payload';
import { CastBallotPayloadDto } from './dto/live-events.dto';

const valid = async (value: object) =>
  (await validate(plainToInstance(CastBallotPayloadDto, value), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }))
    .length === 0;

describe('plainBallotPayload', () => {
  const roundId = randomUUID();
  const cases: object[] = [
    { roundId, optionIds: ['yes'], idempotencyKey: randomUUID() },
    { roundId, idempotencyKey: 'abcdefgh' },
    { roundId, optionIds: [], idempotencyKey: 'a_b-c_d-e' },
    { roundId, optionIds: ['x'.repeat(36)], idempotencyKey: 'k'.repeat(64) },
    { roundId, optionIds: ['x'.repeat(37)], idempotencyKey: randomUUID() },
    { roundId, optionIds: [1], idempotencyKey: randomUUID() },
    { roundId, optionIds: 'yes', idempotencyKey: randomUUID() },
    { roundId, optionIds: Array.from({ length: 51 }, (_, i) => `o${i}`), idempotencyKey: randomUUID() },
    { roundId, optionIds: ['yes'], idempotencyKey: 'short' },
    { roundId, optionIds: ['yes'], idempotencyKey: 'k'.repeat(65) },
    { roundId, optionIds: ['yes'], idempotencyKey: 'with space' },
    { roundId: 'nope', optionIds: ['yes'], idempotencyKey: randomUUID() },
    { roundId: 42, optionIds: ['yes'], idempotencyKey: randomUUID() },
    { optionIds: ['yes'], idempotencyKey: randomUUID() },
    { roundId, optionIds: ['yes'], idempotencyKey: randomUUID(), extra: 1 },
    { roundId, points: [{ optionId: 'a', points: 2 }], idempotencyKey: randomUUID() },
  ];

  it.each(cases.map((c, i) => [i, c]))('case %i: accepts only what the DTO accepts', async (_i, value) => {
    const quick = plainBallotPayload(value as object);
    if (quick) {
      expect(await valid(value as object)).toBe(true);
      expect(quick).toEqual(value);
    }
  });

  it('takes the common ballot without class-validator', () => {
    expect(plainBallotPayload(cases[0])).toEqual(cases[0]);
    expect(plainBallotPayload(cases[1])).toEqual(cases[1]);
  });
});

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThanOrEqual, type EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  AssemblyStatus,
  ErrorCode,
  Presence,
  type CheckInCard as CheckInCardView,
  type CheckInCardList,
  type DoorCheckInRequest,
  type IssuedCheckInCard,
} from '@app/shared';
import { AttemptLimiter, type AttemptLimit } from '../../../common/http/attempt-limiter';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { DomainError, notFound } from '../../../common/errors/domain-error';
import { TransactionRunner } from '../../../database/transactions';
import { joinUrl } from '../../assemblies/assembly-calendar';
import { AssemblyAccessService, type AssemblyWithPeople } from '../../assemblies/assembly-access.service';
import { AssemblyEventsService } from '../../assemblies/assembly-events.service';
import { Assembly } from '../../assemblies/entities/assembly.entity';
import { CheckInCard } from '../entities/check-in-card.entity';
import { Participant } from '../entities/participant.entity';
import type { User } from '../../users/user.entity';
import { LiveStateService } from '../live-state.service';
import { cardCodeHash, newCardCode } from '../../../common/codes/card-code';

/**
 * A card used on another device within this time after its last use is refused (409) instead of
 * moved: two devices presenting one card at once never both get it; a person who really changes
 * device tries again a few seconds later.
 */
export const CARD_MOVE_COOLDOWN_MS = 10_000;

const FIFTEEN_MINUTES = 15 * 60_000;
/**
 * Wrong card codes per client address: 200 within 15 minutes (most cards are scanned, not typed),
 * then joining with a card from that address is refused until the window ends. With 1,000 cards in
 * an assembly a guess hits with a chance of 1,000 / 31^10 ≈ 1.2 · 10^-12.
 */
export const CARD_FAILURES_PER_ADDRESS: AttemptLimit = { scope: 'check-in-card:address', limit: 200, windowMs: FIFTEEN_MINUTES };
/** Wrong card codes for one assembly from all addresses; beyond it each address gets CARD_FAILURES_UNDER_ATTACK. */
export const CARD_FAILURES_PER_ASSEMBLY: AttemptLimit = { scope: 'check-in-card:assembly', limit: 2000, windowMs: FIFTEEN_MINUTES };
export const CARD_FAILURES_UNDER_ATTACK = 20;

const invalidCard = () =>
  new DomainError(
    ErrorCode.CheckInCardInvalid,
    'This check-in card is not valid for this assembly. Please check the code or ask at the entrance.',
    [{ field: 'card', messages: ['card does not match a check-in card of this assembly'] }],
  );
const revokedCard = (card: Pick<CheckInCard, 'number'>) =>
  new DomainError(
    ErrorCode.CheckInCardRevoked,
    `Check-in card ${card.number} has been revoked (reported lost) and admits nobody any more. Please ask at the entrance for a new card.`,
  );

/** Changes of check-in cards, with the participants whose own part changed (their devices re-read it). */
export interface CardChange<T> {
  result: T;
  assemblyId: string;
  participantIds: string[];
}

/**
 * Personal check-in cards: printed in advance or handed out at the door, one card per person. A card
 * admits the participant (device) that holds it to binding votes; used on another device it moves
 * there; a lost card is revoked (its holder loses the right at once) and replaced.
 */
@Injectable()
export class CheckInCardsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly access: AssemblyAccessService,
    private readonly events: AssemblyEventsService,
    private readonly live: LiveStateService,
    private readonly limiter: AttemptLimiter,
  ) {}

  private async moderated(user: User, assemblyId: string): Promise<AssemblyWithPeople> {
    const assembly = await this.access.find(assemblyId);
    this.access.assertModerates(user, assembly);
    return assembly;
  }

  /** A moderator's change: the assembly row locked (state version raised), not closed. */
  private change<T>(assembly: Assembly, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.tx.run(async (m) => {
      await this.live.bump(m, assembly.id);
      const now = await m.getRepository(Assembly).findOne({ where: { id: assembly.id }, select: { id: true, status: true } });
      if (!now) throw notFound('The assembly');
      if (now.status === AssemblyStatus.Closed)
        throw new DomainError(ErrorCode.AssemblyClosed, 'The assembly has been closed; check-in cards can no longer be changed.');
      return work(m);
    });
  }

  assemblyOf(assemblyId: string): Promise<Assembly> {
    return this.access.find(assemblyId);
  }

  async list(user: User, assemblyId: string): Promise<CheckInCardList> {
    await this.moderated(user, assemblyId);
    const cards = await this.tx.run((m) =>
      m.getRepository(CheckInCard).find({ where: { assemblyId }, relations: { participant: { user: true } }, order: { number: 'ASC' } }),
    );
    const items = cards.map((c) => this.view(c));
    const count = (status: CheckInCardView['status']) => items.filter((c) => c.status === status).length;
    return { items, counts: { issued: items.length, held: count('held'), unused: count('unused'), revoked: count('revoked') } };
  }

  /** New unused cards (their codes are returned this once, for the printed sheet). */
  async issue(user: User, assemblyId: string, count: number): Promise<{ assembly: Assembly; cards: IssuedCheckInCard[] }> {
    const assembly = await this.moderated(user, assemblyId);
    const cards = await this.change(assembly, (m) =>
      this.create(
        m,
        assembly,
        Array.from({ length: count }, () => ({})),
      ),
    );
    return { assembly, cards };
  }

  private async create(m: EntityManager, assembly: Assembly, holders: Array<Partial<CheckInCard>>): Promise<IssuedCheckInCard[]> {
    const repo = m.getRepository(CheckInCard);
    const last = await repo
      .createQueryBuilder('c')
      .select('MAX(c.number)', 'n')
      .where('c.assemblyId = :id', { id: assembly.id })
      .getRawOne<{ n: string | number | null }>();
    const first = Number(last?.n ?? 0) + 1;
    const fresh = holders.map((holder, i) => ({ code: newCardCode(), number: first + i, holder }));
    const rows = fresh.map(({ code, number, holder }) => {
      const id = randomUUID();
      return repo.create({
        id,
        personCardId: id,
        assemblyId: assembly.id,
        number,
        codeHash: cardCodeHash(code),
        claimedAt: null,
        revokedAt: null,
        ...holder,
      });
    });
    for (let i = 0; i < rows.length; i += 100) await repo.insert(rows.slice(i, i + 100));
    const saved = await repo.find({
      where: { assemblyId: assembly.id, number: MoreThanOrEqual(first) },
      relations: { participant: { user: true } },
    });
    return fresh.map(({ code, number }) => ({
      card: this.view(saved.find((c) => c.number === number)!),
      code,
      joinUrl: `${joinUrl(this.config.publicUrl, assembly.joinCode)}?card=${code}`,
    }));
  }

  /** At the door: a new card for a participant (checked in at once) or for the name of a person without a phone. */
  async door(user: User, assemblyId: string, input: DoorCheckInRequest): Promise<CardChange<IssuedCheckInCard>> {
    const assembly = await this.moderated(user, assemblyId);
    if (!input.participantId === !input.name)
      throw new DomainError(ErrorCode.ValidationFailed, 'Choose a participant or enter the name of the person without a phone.', [
        { field: 'participantId', messages: ['exactly one of participantId and name must be given'] },
      ]);
    return this.change(assembly, async (m) => {
      let participant: Participant | null = null;
      if (input.participantId) {
        participant = await m.getRepository(Participant).findOne({ where: { id: input.participantId, assemblyId } });
        if (!participant) throw notFound('The participant');
        const held = await m.getRepository(CheckInCard).findOne({ where: { participantId: participant.id } });
        if (held)
          throw new DomainError(
            ErrorCode.CheckInCardBusy,
            `This participant already holds check-in card ${held.number}; revoke it first to hand out another.`,
          );
      }
      const now = new Date();
      const [issued] = await this.create(m, assembly, [
        { participantId: participant?.id ?? null, holderName: participant ? null : (input.name ?? null), claimedAt: now },
      ]);
      if (participant) await this.checkedIn(m, assembly.id, participant, user);
      return { result: issued, assemblyId, participantIds: participant ? [participant.id] : [] };
    });
  }

  /** Revokes a card (reported lost): its holder loses the right at once. With replace, a new card in the same step. */
  async revoke(user: User, assemblyId: string, cardId: string, replace: boolean): Promise<CardChange<IssuedCheckInCard | null>> {
    const assembly = await this.moderated(user, assemblyId);
    return this.change(assembly, async (m) => {
      const repo = m.getRepository(CheckInCard);
      const card = await repo.findOne({ where: { id: cardId, assemblyId } });
      if (!card) throw notFound('The check-in card');
      if (card.revokedAt) throw new DomainError(ErrorCode.CheckInCardRevoked, `Check-in card ${card.number} has already been revoked.`);
      await repo.update({ id: card.id }, { revokedAt: new Date(), participantId: null });
      if (card.participantId) await m.getRepository(Participant).update({ id: card.participantId }, { checkedIn: false });
      const [replacement] = replace
        ? await this.create(m, assembly, [{ holderName: card.holderName, personCardId: card.personCardId }])
        : [null];
      if (replacement?.card.holder) await repo.update({ id: replacement.card.id }, { claimedAt: new Date() });
      return { result: replacement ?? null, assemblyId, participantIds: card.participantId ? [card.participantId] : [] };
    });
  }

  /**
   * The card behind a code, for joining with it; an unknown or revoked card is refused. Wrong codes
   * are counted per client address and per assembly; while blocked, every card attempt from the
   * address is refused (429), so a right answer cannot tell a guesser anything either.
   */
  async find(assemblyId: string, code: string, address: string): Promise<CheckInCard> {
    const [mine, all] = await Promise.all([
      this.limiter.peek(CARD_FAILURES_PER_ADDRESS, address),
      this.limiter.peek(CARD_FAILURES_PER_ASSEMBLY, assemblyId),
    ]);
    if (mine.blocked || (all.blocked && mine.failures >= CARD_FAILURES_UNDER_ATTACK))
      throw this.limiter.refusal(
        mine.blocked ? mine : all,
        (minutes) =>
          `Too many wrong check-in card codes from your network. Please check the code on the card and try again in ${minutes} min.`,
      );
    const card = await this.tx.run((m) => m.getRepository(CheckInCard).findOne({ where: { codeHash: cardCodeHash(code) } }));
    if (!card || card.assemblyId !== assemblyId) {
      await Promise.all([
        this.limiter.count(CARD_FAILURES_PER_ADDRESS, address),
        this.limiter.count(CARD_FAILURES_PER_ASSEMBLY, assemblyId),
      ]);
      throw invalidCard();
    }
    if (card.revokedAt) throw revokedCard(card);
    return card;
  }

  /**
   * In the caller's transaction: the participant takes the card. One conditional update decides: it
   * succeeds while the card is unused, held by nobody on a device, or last used before the cooldown;
   * of two devices at once exactly one gets it. Returns the participant that lost it, if any.
   */
  async claim(m: EntityManager, card: CheckInCard, participant: Participant, user: User | null): Promise<string | null> {
    const repo = m.getRepository(CheckInCard);
    if (card.participantId === participant.id) return null;
    const other = await repo.findOne({ where: { participantId: participant.id } });
    if (other)
      throw new DomainError(
        ErrorCode.CheckInCardBusy,
        `This device already holds check-in card ${other.number}; one device holds one card.`,
      );
    const now = new Date();
    const cutoff = new Date(now.getTime() - CARD_MOVE_COOLDOWN_MS);
    const taken = await repo
      .createQueryBuilder()
      .update(CheckInCard)
      .set({ participantId: participant.id, holderName: null, claimedAt: now })
      .where('id = :id AND "revokedAt" IS NULL', { id: card.id })
      .andWhere('("participantId" IS NULL OR "claimedAt" IS NULL OR "claimedAt" < :cutoff)', { cutoff })
      .execute();
    if (!taken.affected) {
      const fresh = await repo.findOne({ where: { id: card.id } });
      if (fresh?.revokedAt) throw revokedCard(card);
      throw new DomainError(
        ErrorCode.CheckInCardBusy,
        'This check-in card was used on another device a moment ago. If the card is yours, try again in a few seconds; otherwise ask at the entrance.',
      );
    }
    const formerHolder = card.participantId;
    if (formerHolder) await m.getRepository(Participant).update({ id: formerHolder }, { checkedIn: false });
    await this.checkedIn(m, card.assemblyId, participant, user);
    return formerHolder;
  }

  /** The participant now holds a card: present in the hall, allowed binding votes. */
  private async checkedIn(m: EntityManager, assemblyId: string, participant: Participant, user: User | null): Promise<void> {
    await m.getRepository(Participant).update({ id: participant.id }, { checkedIn: true, presence: Presence.Hall });
    await this.events.record(
      assemblyId,
      AssemblyEventType.ParticipantJoined,
      { presence: Presence.Hall, checkedIn: true, isGuest: !participant.userId, checkIn: true },
      user?.role ?? null,
      m,
    );
    participant.checkedIn = true;
    participant.presence = Presence.Hall;
  }

  /** The card a participant holds (binding rounds count one ballot per person's card, see personCardId), or null. */
  heldBy(participantId: string): Promise<Pick<CheckInCard, 'id' | 'personCardId'> | null> {
    return this.tx.run((m) =>
      m.getRepository(CheckInCard).findOne({ where: { participantId, revokedAt: IsNull() }, select: { id: true, personCardId: true } }),
    );
  }

  private view(c: CheckInCard): CheckInCardView {
    return {
      id: c.id,
      number: c.number,
      status: c.revokedAt ? 'revoked' : c.participantId || c.holderName ? 'held' : 'unused',
      holder: c.participant ? this.access.displayName(c.participant) : c.holderName,
      participantId: c.participantId,
      claimedAt: c.claimedAt ? c.claimedAt.toISOString() : null,
      revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
    };
  }
}

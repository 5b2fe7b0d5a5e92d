import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AssemblyEventType, AssemblyStatus, ErrorCode, Presence, type JoinAssemblyResponse, type ParticipantList } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { TransactionRunner } from '../../database/transactions';
import { hashToken, newToken } from '../auth/tokens';
import { AssemblyAccessService } from '../assemblies/assembly-access.service';
import { AssemblyEventsService } from '../assemblies/assembly-events.service';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { Participant } from './entities/participant.entity';
import type { User } from '../users/user.entity';
import type { JoinAssemblyDto } from './dto/join.dto';
import { LiveStateService } from './live-state.service';
import { CheckInCardsService } from './check-in/check-in-cards.service';
import { LiveMapper } from './live.mapper';

/** Joining an assembly (account or named guest with a device credential, maybe with a check-in card) and the participant list. */
@Injectable()
export class JoinService {
  constructor(
    @InjectRepository(Assembly) private readonly assemblies: Repository<Assembly>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly tx: TransactionRunner,
    private readonly access: AssemblyAccessService,
    private readonly events: AssemblyEventsService,
    private readonly live: LiveStateService,
    private readonly map: LiveMapper,
    private readonly cards: CheckInCardsService,
  ) {}

  /** The answer, and the participant that lost the check-in card to this one (its devices re-read their part). */
  async join(
    user: User | undefined,
    dto: JoinAssemblyDto,
    address: string,
  ): Promise<{ response: JoinAssemblyResponse; formerHolder: string | null }> {
    let assembly: Assembly | null;
    if (dto.code) {
      assembly = await this.assemblies.findOne({ where: { joinCode: dto.code } });
      if (!assembly || (dto.assemblyId && assembly.id !== dto.assemblyId))
        throw new DomainError(ErrorCode.JoinCodeInvalid, 'There is no assembly with this code. Please check the code and try again.');
    } else if (dto.assemblyId) {
      assembly = await this.assemblies.findOne({ where: { id: dto.assemblyId } });
      if (!assembly) throw notFound('The assembly');
    } else {
      throw new DomainError(ErrorCode.ValidationFailed, 'Please enter the join code.', [
        { field: 'code', messages: ['code or assemblyId must be given'] },
      ]);
    }
    const ended = assembly.status === AssemblyStatus.Closed;
    // After the end a card admits nobody; a participant still gets itself back (to see the final state), unchanged.
    const card = dto.card !== undefined && !ended ? await this.cards.find(assembly.id, dto.card, address) : null;

    const existing = await this.access.participantFor(assembly.id, { user: user ?? null, guestToken: dto.guestToken ?? null });
    if (existing && (existing.userId === null || existing.userId === user?.id)) {
      let formerHolder: string | null = null;
      if (card)
        formerHolder = await this.tx.run(async (m) => {
          const former = await this.cards.claim(m, card, existing, user ?? null);
          await this.live.bump(m, assembly.id);
          return former;
        });
      return { response: { assemblyId: assembly.id, participant: this.map.self(existing), guestToken: null }, formerHolder };
    }
    if (ended) throw new DomainError(ErrorCode.AssemblyClosed, 'This assembly has ended; it can no longer be joined.');
    if (!user) {
      if (dto.guestToken && !dto.displayName)
        throw new DomainError(
          ErrorCode.TokenInvalid,
          'Your guest access is not valid for this assembly. Please join again with your name.',
        );
      if (assembly.requireAccount)
        throw new DomainError(ErrorCode.AccountRequired, 'This assembly needs an account: please sign in to join.');
      if (!dto.displayName)
        throw new DomainError(ErrorCode.ValidationFailed, 'Please enter the name others will see.', [
          { field: 'displayName', messages: ['displayName is required to join as a guest'] },
        ]);
    }
    const guestToken = user ? null : newToken();
    try {
      let formerHolder: string | null = null;
      const participant = await this.tx.run(async (m) => {
        const repo = m.getRepository(Participant);
        const saved = await repo.save(
          repo.create({
            assemblyId: assembly.id,
            userId: user?.id ?? null,
            guestName: user ? null : (dto.displayName ?? null),
            guestTokenHash: guestToken ? hashToken(guestToken) : null,
            presence: card ? Presence.Hall : Presence.Online,
            checkedIn: false,
            joinedAt: new Date(),
          }),
        );
        await this.events.record(
          assembly.id,
          AssemblyEventType.ParticipantJoined,
          { presence: saved.presence, checkedIn: false, isGuest: !user },
          user?.role ?? null,
          m,
        );
        // With a card: the new participant and the card in one transaction (a refused card leaves no guest behind).
        if (card) formerHolder = await this.cards.claim(m, card, saved, user ?? null);
        await this.live.bump(m, assembly.id);
        return repo.findOneOrFail({ where: { id: saved.id }, relations: { user: true } });
      });
      return { response: { assemblyId: assembly.id, participant: this.map.self(participant), guestToken }, formerHolder };
    } catch (error) {
      // The same account joined twice at once: the unique index keeps one participant.
      if (user && isUniqueViolation(error)) return this.join(user, dto, address);
      throw error;
    }
  }

  async list(user: User, assemblyId: string): Promise<ParticipantList> {
    const assembly = await this.access.find(assemblyId);
    this.access.assertModerates(user, assembly);
    const people = await this.participants.find({
      where: { assemblyId },
      relations: { user: true },
      order: { joinedAt: 'ASC', id: 'ASC' },
    });
    const items = people.map((p) => ({ ...this.map.self(p), joinedAt: p.joinedAt.toISOString() }));
    const hall = items.filter((p) => p.presence === Presence.Hall).length;
    return {
      items,
      counts: { hall, online: items.length - hall, total: items.length, checkedIn: items.filter((p) => p.checkedIn).length },
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, Role } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { hashToken } from '../auth/tokens';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import { Assembly } from './entities/assembly.entity';
import { Participant } from '../live/entities/participant.entity';

/** An assembly with the relations the access rules need. */
export type AssemblyWithPeople = Assembly & { areas: Assembly['areas']; moderators: Assembly['moderators'] };

/**
 * Who may do what in an assembly: used by the REST controllers and by the live gateway alike,
 * so that the rules are written once.
 */
@Injectable()
export class AssemblyAccessService {
  constructor(
    @InjectRepository(Assembly) private readonly assemblies: Repository<Assembly>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
  ) {}

  async find(id: string): Promise<AssemblyWithPeople> {
    const assembly = await this.assemblies.findOne({ where: { id }, relations: { areas: true, moderators: true } });
    if (!assembly) throw notFound('The assembly');
    return assembly as AssemblyWithPeople;
  }

  /**
   * Administrators; the assembly's creator and its named moderators; moderators whose areas include
   * one of the assembly's areas (or its parent); moderators without an area scope.
   */
  moderates(user: User | null | undefined, assembly: AssemblyWithPeople): boolean {
    if (!user) return false;
    if (user.role === Role.Administrator) return true;
    if (user.role !== Role.Moderator) return false;
    if (assembly.createdById === user.id || assembly.moderators.some((m) => m.id === user.id)) return true;
    return (user.moderatorAreas ?? []).length === 0 || assembly.areas.some((a) => moderatesArea(user, a));
  }

  assertModerates(user: User | null | undefined, assembly: AssemblyWithPeople): void {
    if (!this.moderates(user, assembly))
      throw new DomainError(ErrorCode.Forbidden, 'Only the moderators of this assembly (and administrators) can do this.');
  }

  /** The participant behind an account or a guest's device credential in this assembly, or null. */
  async participantFor(assemblyId: string, who: { user?: User | null; guestToken?: string | null }): Promise<Participant | null> {
    if (who.user) {
      const own = await this.participants.findOne({ where: { assemblyId, userId: who.user.id }, relations: { user: true } });
      if (own) return own;
    }
    if (who.guestToken) {
      return this.participants.findOne({ where: { assemblyId, guestTokenHash: hashToken(who.guestToken) }, relations: { user: true } });
    }
    return null;
  }

  /** The name others see: the account's display name, or the guest's chosen name. */
  displayName(participant: Participant): string {
    return (participant.user ? (participant.user.deletedAt ? null : participant.user.displayName) : participant.guestName) ?? '—';
  }
}

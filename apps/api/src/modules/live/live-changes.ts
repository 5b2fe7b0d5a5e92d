import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssemblyStatus, ErrorCode, type AssemblyEventType } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { AssemblyEventsService } from '../assemblies/assembly-events.service';
import { AgendaItemEntity, Assembly } from '../assemblies/entities/assembly.entity';
import type { Participant } from './entities/participant.entity';
import type { User } from '../users/user.entity';
import { LiveStateService } from './live-state.service';

/** Who acts: resolved by the gateway from the handshake (session cookie and/or guest credential). */
export interface LiveActor {
  assemblyId: string;
  user: User | null;
  participant: Participant | null;
  isModerator: boolean;
}

export const notLive = () => new DomainError(ErrorCode.AssemblyNotLive, 'The assembly is not running at the moment.');
export const closed = () => new DomainError(ErrorCode.AssemblyClosed, 'The assembly has been closed; nothing can be changed any more.');

/** What a change needs of the assembly: running, or merely not closed yet (preparing and tidying up). */
export type LiveRequirement = 'live' | 'not-closed';

export function participantOf(actor: LiveActor): Participant {
  if (!actor.participant || actor.participant.assemblyId !== actor.assemblyId)
    throw new DomainError(ErrorCode.NotParticipant, 'Join the assembly first (with the join code) to take part.');
  return actor.participant;
}

/**
 * The opening every live command shares. Each change is one transaction through the
 * TransactionRunner that locks the assembly row (raising the state version), reads it after the lock,
 * checks its status, and records its step in the event log (the minutes are made from it).
 */
@Injectable()
export class LiveChanges {
  constructor(
    readonly tx: TransactionRunner,
    private readonly events: AssemblyEventsService,
    readonly state: LiveStateService,
  ) {}

  change<T>(actor: LiveActor, requires: LiveRequirement, work: (m: EntityManager, assembly: Assembly) => Promise<T>): Promise<T> {
    return this.tx.run(async (m) => {
      await this.state.bump(m, actor.assemblyId);
      const assembly = await m.getRepository(Assembly).findOne({ where: { id: actor.assemblyId } });
      if (!assembly) throw notFound('The assembly');
      if (assembly.status === AssemblyStatus.Closed) throw closed();
      if (requires === 'live' && assembly.status !== AssemblyStatus.Live) throw notLive();
      return work(m, assembly);
    });
  }

  /** A step in the event log; a moderator's step names their account, so the minutes say who ran the assembly. */
  record(m: EntityManager, actor: LiveActor, type: AssemblyEventType, data: Record<string, unknown>) {
    const moderator = actor.isModerator && actor.user ? { moderatorId: actor.user.id } : {};
    return this.events.record(actor.assemblyId, type, { ...data, ...moderator }, actor.user?.role ?? null, m);
  }

  async item(m: EntityManager, assemblyId: string, itemId: string): Promise<AgendaItemEntity> {
    const item = await m.getRepository(AgendaItemEntity).findOne({ where: { id: itemId, assemblyId } });
    if (!item)
      throw new DomainError(ErrorCode.ReferenceInvalid, 'This agenda item does not belong to the assembly.', [
        { field: 'agendaItemId', messages: ['agendaItemId must be an agenda item of this assembly'] },
      ]);
    return item;
  }
}

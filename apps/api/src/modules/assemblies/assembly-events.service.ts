import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AssemblyEventType, Role } from '@app/shared';
import { AssemblyEvent } from './entities/assembly-event.entity';

/**
 * The assembly's append-only event log. Record inside the transaction of the change (pass its
 * manager), so the log and the state never disagree. Never record ballot contents here.
 */
@Injectable()
export class AssemblyEventsService {
  constructor(@InjectRepository(AssemblyEvent) private readonly events: Repository<AssemblyEvent>) {}

  async record(
    assemblyId: string,
    type: AssemblyEventType,
    data: Record<string, unknown>,
    actorRole: Role | null,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(AssemblyEvent) : this.events;
    await repo.save(repo.create({ assemblyId, type, data, actorRole }));
  }

  list(assemblyId: string): Promise<AssemblyEvent[]> {
    return this.events.find({ where: { assemblyId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

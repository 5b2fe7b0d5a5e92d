import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends entries to the audit log; pass the transaction's manager to record inside it. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    await repo.save(repo.create({ ...entry, entityId: entry.entityId ?? null, details: entry.details ?? null }));
  }

  async byActor(actorId: string): Promise<AuditEntry[]> {
    return this.entries.find({ where: { actorId }, order: { createdAt: 'ASC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type FindOptionsWhere } from 'typeorm';
import type { AuditEntryResponse, Page } from '@app/shared';
import { AuditEntry } from '../audit/audit-entry.entity';
import { User } from '../users/user.entity';
import type { AuditQueryDto } from './dto/moderation.dto';

/** Reading the audit log (AuditService writes it): newest first, with the actor's current display name. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: FindOptionsWhere<AuditEntry> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    const [rows, total] = await this.entries.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
    const actors = actorIds.length
      ? await this.users.find({ where: { id: In(actorIds) }, select: ['id', 'displayName', 'deletedAt'] })
      : [];
    const nameById = new Map(actors.map((u) => [u.id, u.deletedAt ? null : u.displayName]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        actorId: r.actorId,
        actorName: r.actorId ? (nameById.get(r.actorId) ?? null) : null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        details: r.details,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }
}

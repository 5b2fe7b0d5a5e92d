import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AreaType, ErrorCode, type SupportResponse } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { Area } from '../areas/area.entity';
import type { User } from '../users/user.entity';
import { ProposalListCache } from './proposal-list-cache';
import { OPEN_STATUSES } from './proposal-rules';
import { ProposalSupport } from './proposal-support.entity';
import { ProposalsRepository, type SupportLimit } from './proposals.repository';

/** Supports: one per person and proposal, within the support limit of the proposal's Aktionsraum. */
@Injectable()
export class ProposalSupportsService {
  constructor(
    @InjectRepository(ProposalSupport) private readonly supports: Repository<ProposalSupport>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly repository: ProposalsRepository,
    private readonly listCache: ProposalListCache,
  ) {}

  /**
   * The support limit that applies to proposals in this area: the one of its Aktionsraum (a
   * Quartier's parent), covering the Aktionsraum and all its Quartiere; null without a limit.
   */
  async supportLimitFor(area: Pick<Area, 'id' | 'type' | 'parentId' | 'name' | 'supportLimit'>): Promise<SupportLimit | null> {
    const actionArea = area.type === AreaType.ActionArea ? area : area.parentId ? await this.areas.findOneBy({ id: area.parentId }) : null;
    if (!actionArea?.supportLimit) return null;
    const children = await this.areas.find({ where: { parentId: actionArea.id }, select: ['id'] });
    return {
      info: { areaId: actionArea.id, areaName: actionArea.name, limit: actionArea.supportLimit },
      areaIds: [actionArea.id, ...children.map((c) => c.id)],
    };
  }

  /** How many supports the person has left under the limit. */
  async supportsLeft(userId: string, limit: SupportLimit): Promise<number> {
    return Math.max(0, limit.info.limit - (await this.repository.usedSupports(userId, limit)));
  }

  async support(user: User, id: string): Promise<SupportResponse> {
    const p = await this.repository.findVisible(id);
    if (p.authorId === user.id)
      throw new DomainError(ErrorCode.Conflict, 'You cannot support your own proposal; it counts as yours already.');
    if (!OPEN_STATUSES.has(p.status)) throw new DomainError(ErrorCode.ProposalClosed, 'This proposal no longer collects supports.');
    const limit = await this.supportLimitFor(p.area);
    const inserted = await this.repository.insertSupport(id, user.id, limit);
    if (inserted) this.listCache.supportsChanged();
    else if (limit && !(await this.supports.existsBy({ proposalId: id, userId: user.id }))) {
      throw new DomainError(
        ErrorCode.SupportLimitReached,
        `You support ${limit.info.limit} open proposals in ${limit.info.areaName} already, the most one person can support there at once. Withdraw one of your supports to support this proposal.`,
        [{ field: 'supportLimit', messages: [`limit ${limit.info.limit} reached in ${limit.info.areaName}`] }],
      );
    }
    // Answer with the rows themselves: another request's "+1" may still be on its way.
    return {
      supported: true,
      supportCount: await this.supports.countBy({ proposalId: id }),
      supportsLeft: limit ? await this.supportsLeft(user.id, limit) : null,
    };
  }

  async unsupport(user: User, id: string): Promise<SupportResponse> {
    const p = await this.repository.findVisible(id);
    const deleted = await this.repository.deleteSupport(id, user.id);
    if (deleted) this.listCache.supportsChanged();
    const limit = await this.supportLimitFor(p.area);
    return {
      supported: false,
      supportCount: await this.supports.countBy({ proposalId: id }),
      supportsLeft: limit ? await this.supportsLeft(user.id, limit) : null,
    };
  }
}

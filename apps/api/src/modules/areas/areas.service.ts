import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AREA_PARENT_TYPE, AreaType, ErrorCode, type AreaDetailResponse, type AreaResponse } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { Area } from './area.entity';
import type { AreaQueryDto, CreateAreaDto, UpdateAreaDto } from './dto/area.dto';

const today = () => new Date().toISOString().slice(0, 10);
const isCurrent = (a: Pick<Area, 'validFrom' | 'validTo'>, day = today()) => a.validFrom <= day && (a.validTo === null || a.validTo >= day);

export function toArea(a: Area): AreaResponse {
  return {
    id: a.id,
    type: a.type,
    code: a.code,
    name: a.name,
    description: a.description,
    parentId: a.parentId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    current: isCurrent(a),
    supportLimit: a.supportLimit,
  };
}

const TYPE_NAMES: Record<AreaType, string> = {
  [AreaType.District]: 'a Stadtbezirk (district)',
  [AreaType.ActionArea]: 'an Aktionsraum (action area)',
  [AreaType.Neighbourhood]: 'a Quartier (neighbourhood)',
};

@Injectable()
export class AreasService {
  constructor(
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly audit: AuditService,
  ) {}

  async list(query: AreaQueryDto): Promise<AreaResponse[]> {
    const qb = this.areas.createQueryBuilder('a').orderBy('a.name', 'ASC');
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.parentId) qb.andWhere('a.parentId = :parentId', { parentId: query.parentId });
    if ((query.include ?? 'current') === 'current') {
      qb.andWhere('a.validFrom <= :day', { day: today() }).andWhere('(a.validTo IS NULL OR a.validTo >= :day)', { day: today() });
    }
    return (await qb.getMany()).map(toArea);
  }

  private async find(id: string): Promise<Area> {
    const area = await this.areas.findOneBy({ id });
    if (!area) throw notFound('The area');
    return area;
  }

  async get(id: string): Promise<AreaDetailResponse> {
    const area = await this.find(id);
    const parent = area.parentId ? await this.areas.findOneBy({ id: area.parentId }) : null;
    const children = await this.areas.find({ where: { parentId: area.id }, order: { name: 'ASC' } });
    return { ...toArea(area), parent: parent ? toArea(parent) : null, children: children.map(toArea) };
  }

  /** The rules an area must satisfy: parent of the right type, dates in order and within the parent's. */
  private async check(candidate: Pick<Area, 'id' | 'type' | 'parentId' | 'validFrom' | 'validTo' | 'supportLimit'>): Promise<void> {
    if (candidate.supportLimit !== null && candidate.type !== AreaType.ActionArea) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'A support limit can only be set on an Aktionsraum; it then covers its Quartiere.',
        [{ field: 'supportLimit', messages: ['only Aktionsräume have a support limit'] }],
      );
    }
    if (candidate.validTo !== null && candidate.validTo < candidate.validFrom) {
      throw new DomainError(ErrorCode.AreaValidityInvalid, 'validTo must not lie before validFrom.', [
        { field: 'validTo', messages: ['must be on or after validFrom'] },
      ]);
    }
    const parentType = AREA_PARENT_TYPE[candidate.type];
    if (parentType === null) {
      if (candidate.parentId)
        throw new DomainError(ErrorCode.AreaParentInvalid, `${TYPE_NAMES[candidate.type]} has no parent area.`, [
          { field: 'parentId', messages: ['must be empty for this type'] },
        ]);
      return;
    }
    if (!candidate.parentId) {
      throw new DomainError(ErrorCode.AreaParentInvalid, `This area needs a parent: ${TYPE_NAMES[parentType]}.`, [
        { field: 'parentId', messages: ['is required for this type'] },
      ]);
    }
    if (candidate.parentId === candidate.id) throw new DomainError(ErrorCode.AreaParentInvalid, 'An area cannot be its own parent.');
    const parent = await this.areas.findOneBy({ id: candidate.parentId });
    if (!parent)
      throw new DomainError(ErrorCode.AreaParentInvalid, 'The parent area does not exist.', [
        { field: 'parentId', messages: ['unknown area'] },
      ]);
    if (parent.type !== parentType) {
      throw new DomainError(
        ErrorCode.AreaParentInvalid,
        `The parent must be ${TYPE_NAMES[parentType]}, but "${parent.name}" is ${TYPE_NAMES[parent.type]}.`,
        [{ field: 'parentId', messages: ['has the wrong area type'] }],
      );
    }
  }

  private async saveUnique(work: () => Promise<Area>): Promise<Area> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(ErrorCode.AreaCodeTaken, 'Another area already uses this code.', [
          { field: 'code', messages: ['is already taken'] },
        ]);
      throw error;
    }
  }

  async create(actor: User, dto: CreateAreaDto): Promise<AreaResponse> {
    const area = this.areas.create({
      ...dto,
      description: dto.description ?? null,
      parentId: dto.parentId ?? null,
      validTo: dto.validTo ?? null,
      supportLimit: dto.supportLimit ?? null,
    });
    await this.check({ ...area, id: '' });
    const saved = await this.saveUnique(() => this.areas.save(area));
    await this.audit.record({ actorId: actor.id, action: 'area.created', entityType: 'area', entityId: saved.id, details: { ...dto } });
    return toArea(saved);
  }

  async update(actor: User, id: string, dto: UpdateAreaDto): Promise<AreaResponse> {
    const area = await this.find(id);
    const before = toArea(area);
    Object.assign(area, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
    await this.check(area);
    const saved = await this.saveUnique(() => this.areas.save(area));
    await this.audit.record({
      actorId: actor.id,
      action: 'area.updated',
      entityType: 'area',
      entityId: id,
      details: { before, changes: { ...dto } },
    });
    return toArea(saved);
  }
}

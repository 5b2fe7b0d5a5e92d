import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, type FieldOfActionResponse } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import type { CreateFieldOfActionDto, UpdateFieldOfActionDto } from './dto/field-of-action.dto';
import { FieldOfAction } from './field-of-action.entity';

export function toFieldOfAction(f: FieldOfAction): FieldOfActionResponse {
  return {
    id: f.id,
    code: f.code,
    name: { de: f.nameDe, en: f.nameEn },
    description: { de: f.descriptionDe, en: f.descriptionEn },
    sortOrder: f.sortOrder,
    active: f.active,
  };
}

@Injectable()
export class FieldsOfActionService {
  constructor(
    @InjectRepository(FieldOfAction) private readonly fields: Repository<FieldOfAction>,
    private readonly audit: AuditService,
  ) {}

  async list(include: 'active' | 'all' = 'active'): Promise<FieldOfActionResponse[]> {
    const rows = await this.fields.find({ where: include === 'active' ? { active: true } : {}, order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toFieldOfAction);
  }

  private async find(id: string): Promise<FieldOfAction> {
    const field = await this.fields.findOneBy({ id });
    if (!field) throw notFound('The field of action');
    return field;
  }

  async get(id: string): Promise<FieldOfActionResponse> {
    return toFieldOfAction(await this.find(id));
  }

  private apply(field: FieldOfAction, dto: UpdateFieldOfActionDto): void {
    if (dto.code !== undefined) field.code = dto.code;
    if (dto.name) [field.nameDe, field.nameEn] = [dto.name.de, dto.name.en];
    if (dto.description) [field.descriptionDe, field.descriptionEn] = [dto.description.de, dto.description.en];
    if (dto.sortOrder !== undefined) field.sortOrder = dto.sortOrder;
    if (dto.active !== undefined) field.active = dto.active;
  }

  private async saveUnique(field: FieldOfAction): Promise<FieldOfAction> {
    try {
      return await this.fields.save(field);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(ErrorCode.FieldOfActionCodeTaken, 'Another field of action already uses this code.', [
          { field: 'code', messages: ['is already taken'] },
        ]);
      throw error;
    }
  }

  async create(actor: User, dto: CreateFieldOfActionDto): Promise<FieldOfActionResponse> {
    const field = this.fields.create({ sortOrder: 0, active: true });
    this.apply(field, dto);
    const saved = await this.saveUnique(field);
    await this.audit.record({
      actorId: actor.id,
      action: 'field_of_action.created',
      entityType: 'field_of_action',
      entityId: saved.id,
      details: { ...dto },
    });
    return toFieldOfAction(saved);
  }

  async update(actor: User, id: string, dto: UpdateFieldOfActionDto): Promise<FieldOfActionResponse> {
    const field = await this.find(id);
    const before = toFieldOfAction(field);
    this.apply(field, dto);
    const saved = await this.saveUnique(field);
    await this.audit.record({
      actorId: actor.id,
      action: 'field_of_action.updated',
      entityType: 'field_of_action',
      entityId: id,
      details: { before, changes: { ...dto } },
    });
    return toFieldOfAction(saved);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CITY_AREA_KEY, ErrorCode, type IndicatorDefinition, type IndicatorTarget, type IndicatorValue } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { parseInputDecimal, scaledToNumber } from './decimal';
import { UUID_PATTERN } from './key.pipe';
import type {
  CreateIndicatorDto,
  CreateTargetDto,
  SetIndicatorValueDto,
  TargetQueryDto,
  UpdateIndicatorDto,
  UpdateTargetDto,
  ValueQueryDto,
} from './dto/indicator.dto';
import { CITY_SCOPE, Indicator, IndicatorTargetEntity, IndicatorValueEntity } from './indicator.entities';
import { toIndicator, toTarget, toValue, type AreaRef } from './indicator.mapper';

function scaledOf(value: string | number, field = 'value'): number {
  const parsed = parseInputDecimal(value);
  if (!parsed.ok)
    throw new DomainError(ErrorCode.ValidationFailed, `The ${field} ${parsed.reason}.`, [
      { field, messages: [`${field} ${parsed.reason}`] },
    ]);
  return parsed.scaled;
}

/** Indicator definitions, values and targets; the CSV import. */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    @InjectRepository(IndicatorValueEntity) private readonly values: Repository<IndicatorValueEntity>,
    @InjectRepository(IndicatorTargetEntity) private readonly targets: Repository<IndicatorTargetEntity>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  // ---- definitions ----

  /** Per indicator: how many values, first and last year. */
  private async stats(
    indicatorId?: string,
  ): Promise<Map<string, { valueCount: number; firstYear: number | null; lastYear: number | null }>> {
    const qb = this.values
      .createQueryBuilder('v')
      .select('v.indicatorId', 'indicatorId')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MIN(v.year)', 'first')
      .addSelect('MAX(v.year)', 'last')
      .groupBy('v.indicatorId');
    if (indicatorId) qb.where('v.indicatorId = :indicatorId', { indicatorId });
    const rows = await qb.getRawMany<{ indicatorId: string; count: string | number; first: string | number; last: string | number }>();
    return new Map(rows.map((r) => [r.indicatorId, { valueCount: Number(r.count), firstYear: Number(r.first), lastYear: Number(r.last) }]));
  }

  async list(): Promise<IndicatorDefinition[]> {
    const [all, stats] = await Promise.all([this.indicators.find({ order: { sortOrder: 'ASC', key: 'ASC' } }), this.stats()]);
    return all.map((i) => toIndicator(i, stats.get(i.id)));
  }

  /** By key, or by id (paths take either). */
  async findByKey(key: string): Promise<Indicator> {
    const indicator = UUID_PATTERN.test(key)
      ? await this.indicators.findOneBy({ id: key })
      : await this.indicators.findOneBy({ key: key.toLowerCase() });
    if (!indicator) throw notFound(`The indicator "${key}"`);
    return indicator;
  }

  async get(key: string): Promise<IndicatorDefinition> {
    const indicator = await this.findByKey(key);
    return toIndicator(indicator, (await this.stats(indicator.id)).get(indicator.id));
  }

  async create(actor: User, dto: CreateIndicatorDto): Promise<IndicatorDefinition> {
    if (await this.indicators.existsBy({ key: dto.key })) throw this.keyTaken(dto.key);
    let saved: Indicator;
    try {
      saved = await this.indicators.save(
        this.indicators.create({
          key: dto.key,
          nameDe: dto.name.de,
          nameEn: dto.name.en,
          unit: dto.unit,
          direction: dto.direction,
          descriptionDe: dto.description.de,
          descriptionEn: dto.description.en,
          source: dto.source,
          decimals: dto.decimals ?? 1,
          sortOrder: dto.sortOrder ?? 0,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw this.keyTaken(dto.key);
      throw error;
    }
    await this.audit.record({
      actorId: actor.id,
      action: 'indicator.created',
      entityType: 'indicator',
      entityId: saved.id,
      details: { key: saved.key },
    });
    return toIndicator(saved);
  }

  private keyTaken(key: string): DomainError {
    return new DomainError(ErrorCode.IndicatorKeyTaken, `An indicator with the key "${key}" already exists.`, [
      { field: 'key', messages: ['key is already taken'] },
    ]);
  }

  async update(actor: User, key: string, dto: UpdateIndicatorDto): Promise<IndicatorDefinition> {
    const indicator = await this.findByKey(key);
    const before = toIndicator(indicator);
    if (dto.name) Object.assign(indicator, { nameDe: dto.name.de, nameEn: dto.name.en });
    if (dto.description) Object.assign(indicator, { descriptionDe: dto.description.de, descriptionEn: dto.description.en });
    for (const field of ['unit', 'direction', 'source', 'decimals', 'sortOrder'] as const) {
      if (dto[field] !== undefined) (indicator as unknown as Record<string, unknown>)[field] = dto[field];
    }
    const saved = await this.indicators.save(indicator);
    const after = toIndicator(saved);
    const changed = (Object.keys(dto) as Array<keyof typeof dto>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    await this.audit.record({
      actorId: actor.id,
      action: 'indicator.updated',
      entityType: 'indicator',
      entityId: saved.id,
      details: { key: saved.key, changed },
    });
    return toIndicator(saved, (await this.stats(saved.id)).get(saved.id));
  }

  async remove(actor: User, key: string): Promise<void> {
    const indicator = await this.findByKey(key);
    const [values, targets] = await Promise.all([
      this.values.countBy({ indicatorId: indicator.id }),
      this.targets.countBy({ indicatorId: indicator.id }),
    ]);
    if (values || targets) {
      throw new DomainError(
        ErrorCode.IndicatorInUse,
        `The indicator "${indicator.key}" still has ${values} values and ${targets} targets; delete them first.`,
      );
    }
    await this.transactions.run(async (m) => {
      await m.delete(Indicator, { id: indicator.id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'indicator.deleted',
          entityType: 'indicator',
          entityId: indicator.id,
          details: { key: indicator.key },
        },
        m,
      );
    });
  }

  // ---- values ----

  private async areaRefs(ids: Array<string | null>): Promise<Map<string, AreaRef>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!unique.length) return new Map();
    const rows = await this.areas.createQueryBuilder('a').select(['a.id', 'a.code', 'a.name']).whereInIds(unique).getMany();
    return new Map(rows.map((a) => [a.id, a]));
  }

  async listValues(key: string, query: ValueQueryDto): Promise<IndicatorValue[]> {
    const indicator = await this.findByKey(key);
    const qb = this.values.createQueryBuilder('v').where('v.indicatorId = :id', { id: indicator.id });
    if (query.areaId === 'city') qb.andWhere('v.scope = :city', { city: CITY_SCOPE });
    else if (query.areaId) qb.andWhere('v.areaId = :areaId', { areaId: query.areaId });
    if (query.from !== undefined) qb.andWhere('v.year >= :from', { from: query.from });
    if (query.to !== undefined) qb.andWhere('v.year <= :to', { to: query.to });
    const rows = await qb.orderBy('v.year', 'ASC').getMany();
    const areas = await this.areaRefs(rows.map((r) => r.areaId));
    return rows
      .map((r) => toValue(r, indicator.key, r.areaId ? areas.get(r.areaId) : undefined))
      .sort(
        (a, b) =>
          a.year - b.year || (a.areaId === null ? -1 : b.areaId === null ? 1 : (a.areaName ?? '').localeCompare(b.areaName ?? '', 'de')),
      );
  }

  private async requireArea(areaId: string | null | undefined, field = 'areaId'): Promise<AreaRef | null> {
    if (!areaId) return null;
    const area = await this.areas.findOne({ where: { id: areaId }, select: ['id', 'code', 'name'] });
    if (!area) {
      throw new DomainError(ErrorCode.ReferenceInvalid, 'The area does not exist.', [
        { field, messages: [`${field} does not name an existing area`] },
      ]);
    }
    return area;
  }

  /** Creates or replaces the one value of (indicator, area, year). */
  async setValue(actor: User, key: string, dto: SetIndicatorValueDto): Promise<IndicatorValue> {
    const indicator = await this.findByKey(key);
    const area = await this.requireArea(dto.areaId);
    const scaled = scaledOf(dto.value);
    const scope = area ? area.id : CITY_SCOPE;
    const saved = await this.transactions.run(async (m) => {
      const existing = await m.findOneBy(IndicatorValueEntity, { indicatorId: indicator.id, scope, year: dto.year });
      const previous = existing ? existing.valueScaled : null;
      const row =
        existing ?? m.create(IndicatorValueEntity, { indicatorId: indicator.id, areaId: area?.id ?? null, scope, year: dto.year });
      row.valueScaled = scaled;
      const result = await m.save(row);
      await this.audit.record(
        {
          actorId: actor.id,
          action: existing ? 'indicator_value.updated' : 'indicator_value.created',
          entityType: 'indicator_value',
          entityId: result.id,
          details: {
            indicator: indicator.key,
            area: area?.code ?? CITY_AREA_KEY,
            year: dto.year,
            from: previous === null ? null : scaledToNumber(previous),
            to: scaledToNumber(scaled),
          },
        },
        m,
      );
      return result;
    });
    return toValue(saved, indicator.key, area ?? undefined);
  }

  async removeValue(actor: User, key: string, id: string): Promise<void> {
    const indicator = await this.findByKey(key);
    const value = await this.values.findOneBy({ id, indicatorId: indicator.id });
    if (!value) throw notFound('The value');
    const area = (await this.areaRefs([value.areaId])).get(value.areaId ?? '');
    await this.transactions.run(async (m) => {
      await m.delete(IndicatorValueEntity, { id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'indicator_value.deleted',
          entityType: 'indicator_value',
          entityId: id,
          details: {
            indicator: indicator.key,
            area: area?.code ?? CITY_AREA_KEY,
            year: value.year,
            value: scaledToNumber(value.valueScaled),
          },
        },
        m,
      );
    });
  }

  // ---- targets ----

  async listTargets(query: TargetQueryDto): Promise<IndicatorTarget[]> {
    const qb = this.targets.createQueryBuilder('t').innerJoinAndSelect('t.indicator', 'i').leftJoinAndSelect('t.area', 'a');
    if (query.indicator) qb.andWhere('i.key = :key', { key: query.indicator });
    if (query.areaId === 'city') qb.andWhere('t.areaId IS NULL');
    else if (query.areaId) qb.andWhere('t.areaId = :areaId', { areaId: query.areaId });
    const rows = await qb
      .orderBy('i.sortOrder', 'ASC')
      .addOrderBy('i.key', 'ASC')
      .addOrderBy('t.dueYear', 'ASC')
      .addOrderBy('t.createdAt', 'ASC')
      .getMany();
    return rows.map((t) => toTarget(t, t.indicator.key, t.area));
  }

  private async findTarget(id: string): Promise<IndicatorTargetEntity> {
    const target = await this.targets.findOne({ where: { id }, relations: { indicator: true, area: true } });
    if (!target) throw notFound('The target');
    return target;
  }

  async createTarget(actor: User, dto: CreateTargetDto): Promise<IndicatorTarget> {
    const indicator = await this.indicators.findOneBy({ key: dto.indicatorKey });
    if (!indicator) {
      throw new DomainError(ErrorCode.ReferenceInvalid, `The indicator "${dto.indicatorKey}" does not exist.`, [
        { field: 'indicatorKey', messages: ['indicatorKey does not name an existing indicator'] },
      ]);
    }
    const area = await this.requireArea(dto.areaId);
    const saved = await this.targets.save(
      this.targets.create({
        indicatorId: indicator.id,
        areaId: area?.id ?? null,
        comparator: dto.comparator,
        valueScaled: scaledOf(dto.value),
        dueYear: dto.dueYear,
        note: dto.note || null,
      }),
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'indicator_target.created',
      entityType: 'indicator_target',
      entityId: saved.id,
      details: {
        indicator: indicator.key,
        area: area?.code ?? CITY_AREA_KEY,
        comparator: saved.comparator,
        value: scaledToNumber(saved.valueScaled),
        dueYear: saved.dueYear,
      },
    });
    return toTarget(saved, indicator.key, area);
  }

  async updateTarget(actor: User, id: string, dto: UpdateTargetDto): Promise<IndicatorTarget> {
    const target = await this.findTarget(id);
    const before = toTarget(target, target.indicator.key, target.area);
    if (dto.areaId !== undefined) {
      const area = await this.requireArea(dto.areaId);
      target.areaId = area?.id ?? null;
      target.area = area as Area | null;
    }
    if (dto.comparator !== undefined) target.comparator = dto.comparator;
    if (dto.value !== undefined) target.valueScaled = scaledOf(dto.value);
    if (dto.dueYear !== undefined) target.dueYear = dto.dueYear;
    if (dto.note !== undefined) target.note = dto.note || null;
    const { indicator, area } = target;
    const saved = await this.targets.save(target);
    const after = toTarget(saved, indicator.key, area);
    const changes = Object.fromEntries(
      (['areaCode', 'comparator', 'value', 'dueYear', 'note'] as const)
        .filter((k) => before[k] !== after[k])
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'indicator_target.updated',
      entityType: 'indicator_target',
      entityId: id,
      details: { indicator: indicator.key, changes },
    });
    return after;
  }

  async removeTarget(actor: User, id: string): Promise<void> {
    const target = await this.findTarget(id);
    await this.transactions.run(async (m) => {
      await m.delete(IndicatorTargetEntity, { id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'indicator_target.deleted',
          entityType: 'indicator_target',
          entityId: id,
          details: toTarget(target, target.indicator.key, target.area) as unknown as Record<string, unknown>,
        },
        m,
      );
    });
  }
}

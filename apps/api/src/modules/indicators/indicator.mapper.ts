import { CITY_AREA_KEY, type IndicatorDefinition, type IndicatorTarget, type IndicatorValue } from '@app/shared';
import type { Area } from '../areas/area.entity';
import { scaledToNumber } from './decimal';
import type { Indicator, IndicatorTargetEntity, IndicatorValueEntity } from './indicator.entities';

/** The area columns a value or target is shown with. */
export type AreaRef = Pick<Area, 'id' | 'code' | 'name'>;

/** An indicator definition as the API answers it, with the span of its values. */
export function toIndicator(
  i: Indicator,
  stats?: { valueCount: number; firstYear: number | null; lastYear: number | null },
): IndicatorDefinition {
  return {
    id: i.id,
    key: i.key,
    name: { de: i.nameDe, en: i.nameEn },
    unit: i.unit,
    direction: i.direction,
    description: { de: i.descriptionDe, en: i.descriptionEn },
    source: i.source,
    decimals: i.decimals,
    sortOrder: i.sortOrder,
    valueCount: stats?.valueCount ?? 0,
    firstYear: stats?.firstYear ?? null,
    lastYear: stats?.lastYear ?? null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** A target as the API answers it. */
export function toTarget(t: IndicatorTargetEntity, indicatorKey: string, area: AreaRef | null): IndicatorTarget {
  return {
    id: t.id,
    indicatorKey,
    areaId: t.areaId,
    areaCode: area ? area.code : CITY_AREA_KEY,
    areaName: area ? area.name : null,
    comparator: t.comparator,
    value: scaledToNumber(t.valueScaled),
    dueYear: t.dueYear,
    note: t.note,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** A value as the API answers it; the city-wide value has the reserved area key. */
export function toValue(v: IndicatorValueEntity, key: string, area: AreaRef | undefined): IndicatorValue {
  return {
    id: v.id,
    indicatorKey: key,
    areaId: v.areaId,
    areaCode: area ? area.code : CITY_AREA_KEY,
    areaName: area ? area.name : null,
    year: v.year,
    value: scaledToNumber(v.valueScaled),
    updatedAt: v.updatedAt.toISOString(),
  };
}

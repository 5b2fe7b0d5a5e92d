import { AreaType, type AreaResponse } from '@app/shared';
import type { SelectOption } from '../components/ui/FormField';
import { byName } from './format';

export interface AreaEntry {
  area: AreaResponse;
  /** 0: the district itself, 1: Aktionsraum, 2: Quartier. */
  depth: number;
}

export interface DistrictGroup {
  district: AreaResponse;
  entries: AreaEntry[];
}

/** Every current area under its Stadtbezirk: district, then each Aktionsraum followed by its Quartiere. */
export function groupAreas(all: AreaResponse[]): DistrictGroup[] {
  const sort = byName<AreaResponse>((area) => area.name);
  const children = (parentId: string, type: AreaType) => all.filter((area) => area.parentId === parentId && area.type === type).sort(sort);
  return all
    .filter((area) => area.type === AreaType.District)
    .sort(sort)
    .map((district) => {
      const entries: AreaEntry[] = [{ area: district, depth: 0 }];
      for (const actionArea of children(district.id, AreaType.ActionArea)) {
        entries.push({ area: actionArea, depth: 1 });
        for (const neighbourhood of children(actionArea.id, AreaType.Neighbourhood)) entries.push({ area: neighbourhood, depth: 2 });
      }
      return { district, entries };
    });
}

/** Areas a scoped moderator may plan for: their areas and the areas directly inside them (empty scope = all). */
export function allowedAreas(all: AreaResponse[], scope: string[] | null): Set<string> {
  if (!scope || scope.length === 0) return new Set(all.map((area) => area.id));
  return new Set(
    all.filter((area) => scope.includes(area.id) || (area.parentId !== null && scope.includes(area.parentId))).map((area) => area.id),
  );
}

/** Options for a filter select: "District", "District › Aktionsraum", "District › Aktionsraum › Quartier". */
export function areaFilterOptions(all: AreaResponse[]): SelectOption[] {
  const byId = new Map(all.map((area) => [area.id, area]));
  const path = (area: AreaResponse): string => {
    const parent = area.parentId ? byId.get(area.parentId) : undefined;
    return parent ? `${path(parent)} › ${area.name}` : area.name;
  };
  return groupAreas(all).flatMap((group) => group.entries.map(({ area }) => ({ value: area.id, label: path(area) })));
}

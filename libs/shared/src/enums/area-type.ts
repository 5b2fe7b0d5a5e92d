/**
 * The city's spatial units. A Stadtbezirk (district) holds Aktionsräume (action areas);
 * an Aktionsraum may hold Quartiere (neighbourhoods).
 */
export enum AreaType {
  District = 'district',
  ActionArea = 'action_area',
  Neighbourhood = 'neighbourhood',
}

export const AREA_TYPES: readonly AreaType[] = [AreaType.District, AreaType.ActionArea, AreaType.Neighbourhood];

/** Which type an area's parent must have; null means the type has no parent. */
export const AREA_PARENT_TYPE: Readonly<Record<AreaType, AreaType | null>> = {
  [AreaType.District]: null,
  [AreaType.ActionArea]: AreaType.District,
  [AreaType.Neighbourhood]: AreaType.ActionArea,
};

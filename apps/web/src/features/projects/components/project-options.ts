import { AreaType } from '@app/shared';
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '../../../components/ui/FormField';
import { useAreas } from '../../areas/api/areas';
import { areaFilterOptions } from '../../assemblies/components/area-groups';
import { useFieldsOfAction } from '../../fields-of-action/api/fields-of-action';
import { localized } from '../../fields-of-action/components/localized';
import { byName } from '../../../lib/format';

/** Choices for project filters and forms: every area (as a path), the Aktionsräume alone, and the fields of action. */
export function useProjectOptions() {
  const { i18n } = useTranslation();
  const areas = useAreas();
  const fields = useFieldsOfAction('active');
  const all = areas.data ?? [];
  const areaOptions: SelectOption[] = areaFilterOptions(all);
  const actionAreaOptions: SelectOption[] = all
    .filter((area) => area.type === AreaType.ActionArea)
    .sort(byName((area) => area.name))
    .map((area) => ({ value: area.id, label: area.name }));
  const fieldOptions: SelectOption[] = [...(fields.data ?? [])]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((field) => ({ value: field.id, label: `${field.code} – ${localized(field.name, i18n.language)}` }));
  return { areas: all, areaOptions, actionAreaOptions, fieldOptions, isPending: areas.isPending || fields.isPending };
}

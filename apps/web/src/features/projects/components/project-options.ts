import { AreaType } from '@app/shared';
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '../../../components/ui/FormField';
import { useAreas } from '../../../lib/areas';
import { areaFilterOptions } from '../../../lib/area-groups';
import { useFieldsOfAction } from '../../../lib/fields-of-action';
import { localized } from '../../../lib/localized';
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

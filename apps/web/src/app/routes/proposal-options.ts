import { AreaType } from '@app/shared';
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '../../components/ui/FormField';
import { useAreas } from '../../lib/areas';
import { useFieldsOfAction } from '../../lib/fields-of-action';
import { localized } from '../../lib/localized';
import { byName } from '../../lib/format';

/**
 * Choices for proposals: the current Aktionsräume, each followed by its Quartiere, and the
 * active fields of action in their set order.
 */
export function useProposalOptions() {
  const { t, i18n } = useTranslation();
  const areas = useAreas();
  const fields = useFieldsOfAction('active');
  const all = areas.data ?? [];
  const actionAreas = all.filter((area) => area.type === AreaType.ActionArea).sort(byName((area) => area.name));
  const areaOptions: SelectOption[] = [];
  for (const area of actionAreas) {
    areaOptions.push({ value: area.id, label: area.name });
    for (const child of all
      .filter((item) => item.type === AreaType.Neighbourhood && item.parentId === area.id)
      .sort(byName((item) => item.name))) {
      areaOptions.push({ value: child.id, label: `${area.name} › ${child.name} (${t('areaTypes.neighbourhood')})` });
    }
  }
  const fieldOptions: SelectOption[] = [...(fields.data ?? [])]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((field) => ({ value: field.id, label: `${field.code} – ${localized(field.name, i18n.language)}` }));
  return { areaOptions, fieldOptions, isPending: areas.isPending || fields.isPending, error: areas.error ?? fields.error };
}

import type { AreaResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { ChoiceFieldset, splitChoices } from './ui/FormField';
import type { TextBinding } from '../lib/use-form';
import { groupAreas } from '../lib/area-groups';

interface AreaCheckboxesProps extends TextBinding {
  areas: AreaResponse[];
  /** Areas the person may choose; others are not offered. */
  allowed: Set<string>;
  hint?: string;
}

/** Splits and joins the comma-separated ids the form keeps as one value. */
export const splitIds = splitChoices;

/**
 * A multi-select as checkboxes, one fieldset per Stadtbezirk; the form keeps the chosen ids as one
 * comma-separated value, so required-checks and the error summary work like for any field.
 * The first checkbox carries the field id, so the summary's link lands in the group.
 */
export function AreaCheckboxes({ id, name, label, required, errors, value, onChange, areas, allowed, hint }: AreaCheckboxesProps) {
  const { t } = useTranslation();
  const chosen = new Set(splitIds(value));
  const hasError = errors.length > 0;
  const groups = groupAreas(areas)
    .map((group) => ({ ...group, entries: group.entries.filter((entry) => allowed.has(entry.area.id)) }))
    .filter((group) => group.entries.length > 0);
  const toggle = (areaId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(areaId);
    else next.delete(areaId);
    onChange([...next].join(','));
  };
  const firstId = groups[0]?.entries[0]?.area.id;
  return (
    <ChoiceFieldset id={id} name={name} label={label} required={required} errors={errors} hint={hint} className="area-choice">
      <div className="area-choice__groups">
        {groups.map((group) => (
          <fieldset key={group.district.id} className="kern-fieldset area-choice__group">
            <legend className="kern-label area-choice__legend">
              {t('areaTypes.district')} {group.district.name}
            </legend>
            <div className="kern-fieldset__body">
              {group.entries.map(({ area, depth }) => {
                const inputId = area.id === firstId ? id : `${id}-${area.id}`;
                return (
                  <div key={area.id} className={`kern-form-check area-choice__item area-choice__item--depth-${depth}`}>
                    <input
                      className="kern-form-check__checkbox"
                      type="checkbox"
                      id={inputId}
                      name="areaIds"
                      value={area.id}
                      checked={chosen.has(area.id)}
                      aria-invalid={hasError || undefined}
                      onChange={(event) => toggle(area.id, event.target.checked)}
                    />
                    <label className="kern-label" htmlFor={inputId}>
                      {depth === 0 ? t('assemblies.form.wholeDistrict', { name: area.name }) : area.name}
                      {depth === 2 ? <span className="area-choice__type"> ({t('areaTypes.neighbourhood')})</span> : null}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

import { AreaType, ROLES, Role, type AdminUserResponse, type AreaResponse } from '@app/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { CheckboxField, ChoiceFieldset, SelectField } from '../../../components/ui/FormField';
import { groupAreas } from '../../../lib/area-groups';
import type { FieldErrors } from '../../../lib/messages';
import { useForm, type FormValues } from '../../../lib/use-form';
import { useUpdateUser } from '../api/users';

interface EditUserDialogProps {
  user: AdminUserResponse;
  /** The current areas: a moderator is limited to Aktionsräume, chosen one by one or a whole Stadtbezirk at once. */
  areas: AreaResponse[];
  onClose: (saved: AdminUserResponse | null) => void;
}

const areaKey = (id: string) => `area:${id}`;
const ALL = 'all';
const CHOSEN = 'chosen';

/** Role and moderation scope of one account, in a modal dialog (native <dialog>: focus trap, Esc). */
export function EditUserDialog({ user, areas, onClose }: EditUserDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const saved = useRef<AdminUserResponse | null>(null);
  const updateUser = useUpdateUser();
  const name = user.displayName ?? t('common.deletedUser');

  // Both levels: each Stadtbezirk with its Aktionsräume (a moderator of an Aktionsraum also moderates its Quartiere).
  const districts = groupAreas(areas.filter((area) => area.type !== AreaType.Neighbourhood))
    .map(({ district, entries }) => ({ district, actionAreas: entries.filter((entry) => entry.depth === 1).map((entry) => entry.area) }))
    .filter((group) => group.actionAreas.length > 0);
  const actionAreas = districts.flatMap((group) => group.actionAreas);

  const initialValues: FormValues = { role: user.role, scope: user.moderatorAreaIds.length > 0 ? CHOSEN : ALL };
  for (const area of actionAreas) initialValues[areaKey(area.id)] = user.moderatorAreaIds.includes(area.id);

  const form = useForm({
    id: 'edit-user',
    initialValues,
    validate: (values): FieldErrors =>
      values.role === Role.Moderator && values.scope === CHOSEN && !actionAreas.some((area) => values[areaKey(area.id)])
        ? { areas: [{ key: 'admin.users.scopeNone' }] }
        : {},
    onSubmit: async (values) => {
      const role = values.role as Role;
      const moderatorAreaIds =
        role === Role.Moderator && values.scope === CHOSEN
          ? actionAreas.filter((area) => values[areaKey(area.id)]).map((area) => area.id)
          : [];
      saved.current = await updateUser(user.id, { role, moderatorAreaIds });
      dialogRef.current?.close();
    },
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={dialogRef} className="kern-dialog app-dialog" aria-labelledby="edit-user-title" onClose={() => onClose(saved.current)}>
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--large" id="edit-user-title">
          {t('admin.users.editTitle', { name })}
        </h2>
        <Button variant="tertiary" small icon="close" onClick={() => dialogRef.current?.close()}>
          <span className="kern-sr-only">{t('common.close')}</span>
        </Button>
      </header>
      <div className="kern-dialog__body">
        <p className="kern-body">{user.email}</p>
        <Form
          form={form}
          submitLabel={t('common.save')}
          actions={
            <Button variant="tertiary" onClick={() => dialogRef.current?.close()}>
              {t('common.cancel')}
            </Button>
          }
        >
          <SelectField
            {...form.field('role', { label: t('fields.role'), required: true })}
            hint={t('admin.users.roleHint')}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
          {form.values.role === Role.Moderator ? (
            <SelectField
              {...form.field('scope', { label: t('admin.users.scopeLegend'), required: true })}
              options={[
                { value: ALL, label: t('admin.users.scopeAllOption') },
                { value: CHOSEN, label: t('admin.users.scopeChosenOption') },
              ]}
            />
          ) : null}
          {form.values.role === Role.Moderator && form.values.scope === CHOSEN ? (
            <ChoiceFieldset {...form.field('areas', { label: t('admin.users.scopeAreas') })} required hint={t('admin.users.scopeHint')}>
              <div className="scope-districts">
                {districts.map(({ district, actionAreas: inDistrict }, index) => {
                  const ticked = inDistrict.filter((area) => form.values[areaKey(area.id)]).length;
                  return (
                    <fieldset key={district.id} className="kern-fieldset scope-district">
                      <legend className="kern-label scope-district__legend">
                        {t('areaTypes.district')} {district.name}
                      </legend>
                      <div className="kern-form-check scope-district__all">
                        <input
                          className="kern-form-check__checkbox"
                          type="checkbox"
                          id={index === 0 ? 'edit-user-areas' : `edit-user-district-${district.id}`}
                          checked={ticked === inDistrict.length}
                          ref={(input) => {
                            if (input) input.indeterminate = ticked > 0 && ticked < inDistrict.length;
                          }}
                          onChange={(event) => {
                            for (const area of inDistrict) form.setValue(areaKey(area.id), event.target.checked);
                          }}
                        />
                        <label className="kern-label" htmlFor={index === 0 ? 'edit-user-areas' : `edit-user-district-${district.id}`}>
                          {t('admin.users.scopeDistrict', { name: district.name })}
                        </label>
                      </div>
                      <div className="kern-fieldset__body scope-list">
                        {inDistrict.map((area) => (
                          <CheckboxField key={area.id} {...form.checkbox(areaKey(area.id), { label: area.name })} />
                        ))}
                      </div>
                    </fieldset>
                  );
                })}
              </div>
            </ChoiceFieldset>
          ) : null}
        </Form>
      </div>
    </dialog>
  );
}

import { ROLES, Role, type AdminUserResponse, type AreaResponse } from '@app/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { CheckboxField, SelectField } from '../../../components/ui/FormField';
import { useForm, type FormValues } from '../../../lib/use-form';
import { useUpdateUser } from '../api/users';

interface EditUserDialogProps {
  user: AdminUserResponse;
  /** Areas a moderator can be limited to. */
  areas: AreaResponse[];
  onClose: (saved: AdminUserResponse | null) => void;
}

const areaKey = (id: string) => `area:${id}`;

/** Role and moderation scope of one account, in a modal dialog (native <dialog>: focus trap, Esc). */
export function EditUserDialog({ user, areas, onClose }: EditUserDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const saved = useRef<AdminUserResponse | null>(null);
  const updateUser = useUpdateUser();
  const name = user.displayName ?? t('common.deletedUser');

  const initialValues: FormValues = { role: user.role };
  for (const area of areas) initialValues[areaKey(area.id)] = user.moderatorAreaIds.includes(area.id);

  const form = useForm({
    id: 'edit-user',
    initialValues,
    onSubmit: async (values) => {
      const role = values.role as Role;
      const moderatorAreaIds = role === Role.Moderator ? areas.filter((area) => values[areaKey(area.id)]).map((area) => area.id) : [];
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
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('admin.users.scopeLegend')}</legend>
              <div className="kern-hint" id="edit-user-scope-hint">
                {t('admin.users.scopeHint')}
              </div>
              <div className="kern-fieldset__body scope-list">
                {areas.map((area) => (
                  <CheckboxField key={area.id} {...form.checkbox(areaKey(area.id), { label: area.name })} />
                ))}
              </div>
            </fieldset>
          ) : null}
        </Form>
      </div>
    </dialog>
  );
}

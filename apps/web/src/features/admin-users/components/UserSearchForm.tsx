import { ROLES } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { useForm } from '../../../lib/use-form';
import type { UserSearch } from '../api/users';

interface UserSearchFormProps {
  search: UserSearch;
  onSearch: (search: UserSearch) => void;
}

export function UserSearchForm({ search, onSearch }: UserSearchFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'user-search',
    initialValues: { q: search.q, role: search.role as string },
    onSubmit: async (values) => {
      onSearch({ q: values.q.trim(), role: (values.role || '') as UserSearch['role'], page: 1 });
    },
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('admin.users.search')} submitIcon="search" submitVariant="secondary">
        <div className="form-row">
          <TextField {...form.field('q', { label: t('admin.users.query') })} type="search" hint={t('admin.users.queryHint')} />
          <SelectField
            {...form.field('role', { label: t('fields.role') })}
            emptyOption={t('admin.users.allRoles')}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </div>
      </Form>
    </div>
  );
}

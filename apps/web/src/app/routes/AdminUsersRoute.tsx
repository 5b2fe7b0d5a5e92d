import { Role, type AdminUserResponse } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Pagination } from '../../components/ui/Pagination';
import { QueryState } from '../../components/ui/QueryState';
import { EditUserDialog } from '../../features/admin-users/components/EditUserDialog';
import { UserSearchForm } from '../../features/admin-users/components/UserSearchForm';
import { UserTable } from '../../features/admin-users/components/UserTable';
import { useAdminUsers, type UserSearch } from '../../features/admin-users/api/users';
import { useAreas } from '../../lib/areas';
import { byName } from '../../lib/format';
import { AdminListPage } from '../layout/AdminPages';

function readSearch(params: URLSearchParams): UserSearch {
  const role = params.get('role');
  return {
    q: params.get('q') ?? '',
    role: role && (Object.values(Role) as string[]).includes(role) ? (role as Role) : '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

export function AdminUsersRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const users = useAdminUsers(search);
  const areas = useAreas();
  const [editing, setEditing] = useState<AdminUserResponse | null>(null);
  const [saved, setSaved] = useState<AdminUserResponse | null>(null);
  const allAreas = [...(areas.data ?? [])].sort(byName((area) => area.name));
  const areaName = (id: string) => allAreas.find((area) => area.id === id)?.name ?? id;

  function applySearch(next: UserSearch) {
    setParams({
      ...(next.q ? { q: next.q } : {}),
      ...(next.role ? { role: next.role } : {}),
      ...(next.page > 1 ? { page: String(next.page) } : {}),
    });
  }

  return (
    <AdminListPage section="admin.users">
      <UserSearchForm key={params.toString()} search={search} onSearch={applySearch} />
      <div role="status" className="app-form__status">
        {saved ? <Alert variant="success" title={t('admin.users.saved', { name: saved.displayName ?? '' })} /> : null}
      </div>
      <QueryState query={users}>
        {(page) => (
          <>
            <p className="kern-body result-count" role="status">
              {t('admin.users.resultCount', { count: page.total })}
            </p>
            <UserTable
              users={page.items}
              total={page.total}
              areaName={areaName}
              onEdit={(user) => {
                setSaved(null);
                setEditing(user);
              }}
            />
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onChange={(next) => applySearch({ ...search, page: next })}
            />
          </>
        )}
      </QueryState>
      {editing ? (
        <EditUserDialog
          key={editing.id}
          user={editing}
          areas={allAreas}
          onClose={(result) => {
            setEditing(null);
            setSaved(result);
          }}
        />
      ) : null}
    </AdminListPage>
  );
}

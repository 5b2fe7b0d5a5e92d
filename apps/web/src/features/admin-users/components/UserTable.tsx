import type { AdminUserResponse } from '@app/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { formatDate } from '../../../lib/format';

interface UserTableProps {
  users: AdminUserResponse[];
  total: number;
  areaName: (id: string) => string;
  onEdit: (user: AdminUserResponse) => void;
}

function UserStatus({ user }: { user: AdminUserResponse }) {
  const { t } = useTranslation();
  if (user.deleted) return <Badge variant="danger">{t('admin.users.statusDeleted')}</Badge>;
  if (!user.emailVerified) return <Badge variant="warning">{t('admin.users.statusUnverified')}</Badge>;
  return <Badge variant="success">{t('admin.users.statusActive')}</Badge>;
}

const displayName = (t: TFunction, user: AdminUserResponse) => user.displayName ?? t('common.deletedUser');

export function UserTable({ users, total, areaName, onEdit }: UserTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      rows={users}
      rowKey={(user) => user.id}
      label={t('admin.users.tableLabel')}
      caption={t('admin.users.tableCaption', { count: total })}
      emptyText={t('admin.users.empty')}
      columns={[
        { id: 'name', header: t('fields.displayName'), rowHeader: true, cell: (user) => displayName(t, user) },
        { id: 'email', header: t('fields.email'), cellClass: 'table-cell--break', cell: (user) => user.email ?? '–' },
        {
          id: 'role',
          header: t('fields.role'),
          cell: (user) => (
            <>
              {t(`roles.${user.role}`)}
              {user.role === 'moderator' ? (
                <span className="table-subtext">
                  {user.moderatorAreaIds.length === 0 ? t('admin.users.scopeAll') : user.moderatorAreaIds.map(areaName).join(', ')}
                </span>
              ) : null}
            </>
          ),
        },
        { id: 'status', header: t('fields.status'), cell: (user) => <UserStatus user={user} /> },
        { id: 'createdAt', header: t('fields.createdAt'), cell: (user) => formatDate(user.createdAt) },
      ]}
      action={(user) =>
        user.deleted ? null : (
          <Button variant="tertiary" small icon="edit" onClick={() => onEdit(user)}>
            {t('common.edit')}
            <span className="kern-sr-only"> {displayName(t, user)}</span>
          </Button>
        )
      }
    />
  );
}

import type { AdminUserResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { TableRegion } from '../../../components/ui/TableRegion';
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

export function UserTable({ users, total, areaName, onEdit }: UserTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="kern-body">{t('admin.users.empty')}</p>;
  return (
    <TableRegion label={t('admin.users.tableLabel')}>
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-title kern-sr-only">{t('admin.users.tableCaption', { count: total })}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('fields.displayName')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.email')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.role')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.status')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('fields.createdAt')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--action">
              <span className="kern-sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {users.map((user) => {
            const name = user.displayName ?? t('common.deletedUser');
            return (
              <tr key={user.id} className="kern-table__row">
                <th scope="row" className="kern-table__header">
                  {name}
                </th>
                <td className="kern-table__cell table-cell--break">{user.email ?? '–'}</td>
                <td className="kern-table__cell">
                  {t(`roles.${user.role}`)}
                  {user.role === 'moderator' ? (
                    <span className="table-subtext">
                      {user.moderatorAreaIds.length === 0 ? t('admin.users.scopeAll') : user.moderatorAreaIds.map(areaName).join(', ')}
                    </span>
                  ) : null}
                </td>
                <td className="kern-table__cell">
                  <UserStatus user={user} />
                </td>
                <td className="kern-table__cell">{formatDate(user.createdAt)}</td>
                <td className="kern-table__cell kern-table__cell--action">
                  {user.deleted ? null : (
                    <Button variant="tertiary" small icon="edit" onClick={() => onEdit(user)}>
                      {t('common.edit')}
                      <span className="kern-sr-only"> {name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

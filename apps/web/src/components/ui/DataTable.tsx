import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableRegion } from './TableRegion';

export interface Column<T> {
  /** Unique within the table (React key). */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that names the row (rendered as <th scope="row">); one per table. */
  rowHeader?: boolean;
  numeric?: boolean;
  /** Extra class on the body cells, e.g. "table-cell--break" for long unbroken values. */
  cellClass?: string;
}

interface DataTableProps<T> {
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  /** Accessible name of the scrolling region. */
  label: string;
  /** Visually hidden caption, e.g. "12 areas". */
  caption: string;
  /** Shown instead of the table when there are no rows. */
  emptyText: string;
  /** Content of the last column (edit link or button); the column header is visually hidden. */
  action?: (row: T) => ReactNode;
}

function classNames(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** A KERN table (striped, small) inside a scrollable region, with an optional action column. */
export function DataTable<T>({ rows, rowKey, columns, label, caption, emptyText, action }: DataTableProps<T>) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="kern-body">{emptyText}</p>;
  return (
    <TableRegion label={label}>
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-title kern-sr-only">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {columns.map((column) => (
              <th key={column.id} scope="col" className={classNames('kern-table__header', column.numeric && 'kern-table__header--numeric')}>
                {column.header}
              </th>
            ))}
            {action ? (
              <th scope="col" className="kern-table__header kern-table__header--action">
                <span className="kern-sr-only">{t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="kern-table__row">
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.id} scope="row" className="kern-table__header">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.id}
                    className={classNames('kern-table__cell', column.numeric && 'kern-table__cell--numeric', column.cellClass)}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
              {action ? <td className="kern-table__cell kern-table__cell--action">{action(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** "Edit" link of a row; the row's name completes the link text for screen readers. */
export function EditLink({ to, name }: { to: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Link className="kern-link kern-link--small" to={to}>
      {t('common.edit')}
      <span className="kern-sr-only"> {name}</span>
    </Link>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableRegion } from '../../../components/ui/TableRegion';
import { formatNumber } from './report-format';
import type { Cell, TableColumn, TableModel } from './table-model';

function CellText({ cell, column, language }: { cell: Cell; column: TableColumn; language: string }) {
  if (cell === null || cell === '') return <span className="report-table__missing">–</span>;
  if (typeof cell === 'number') return <>{formatNumber(cell, column.decimals ?? 0, language)}</>;
  return <>{cell}</>;
}

interface ReportTableProps {
  model: TableModel;
  caption: string;
  /** Accessible name of the scrolling region. */
  label: string;
  captionVisible?: boolean;
}

/** The data table of a chart: the accessible alternative, with exactly the numbers of its CSV. */
export function ReportTable({ model, caption, label, captionVisible = false }: ReportTableProps) {
  const { t, i18n } = useTranslation();
  if (model.rows.length === 0) return <p className="kern-body">{t('report.common.noData')}</p>;
  return (
    <TableRegion label={label}>
      <table className="kern-table kern-table--striped kern-table--small report-table">
        <caption className={captionVisible ? 'kern-title report-table__caption' : 'kern-title kern-sr-only'}>{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {model.columns.map((column) => (
              <th key={column.id} scope="col" className={`kern-table__header${column.numeric ? ' kern-table__header--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {model.rows.map((row) => (
            <tr key={row.key} className="kern-table__row" data-row={row.key}>
              {row.cells.map((cell, index) => {
                const column = model.columns[index];
                if (index === 0) {
                  return (
                    <th key={column.id} scope="row" className="kern-table__header">
                      {row.href ? (
                        <Link className="kern-link" to={row.href}>
                          <CellText cell={cell} column={column} language={i18n.language} />
                        </Link>
                      ) : (
                        <CellText cell={cell} column={column} language={i18n.language} />
                      )}
                    </th>
                  );
                }
                return (
                  <td
                    key={column.id}
                    data-column={column.id}
                    className={`kern-table__cell${column.numeric ? ' kern-table__cell--numeric' : ''}`}
                  >
                    <CellText cell={cell} column={column} language={i18n.language} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

import { PROJECT_STATES, type PortfolioItem, type PortfolioResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { TableRegion } from '../../../components/ui/TableRegion';
import { localized } from '../../../lib/localized';
import { ProjectTable } from './ProjectTable';
import { stateLabel } from './workflow-text';

/** Handlungsfeld × area: each cell the total and its split by state. A project in two areas counts in both. */
export function PortfolioMatrix({ portfolio }: { portfolio: PortfolioResponse }) {
  const { t, i18n } = useTranslation();
  if (portfolio.fields.length === 0 || portfolio.areas.length === 0) return <p className="kern-body">{t('projects.portfolio.empty')}</p>;
  const cells = (fieldId: string, areaId: string) =>
    portfolio.cells.filter((c) => c.fieldOfActionId === fieldId && c.areaId === areaId && c.count > 0);
  const sum = (list: { count: number }[]) => list.reduce((total, c) => total + c.count, 0);
  return (
    <TableRegion label={t('projects.portfolio.matrixLabel')}>
      <table className="kern-table kern-table--small portfolio-matrix">
        <caption className="kern-title kern-sr-only">{t('projects.portfolio.matrixCaption')}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('projects.field')}
            </th>
            {portfolio.areas.map((area) => (
              <th key={area.id} scope="col" className="kern-table__header kern-table__header--numeric">
                {area.name}
              </th>
            ))}
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('projects.portfolio.rowTotal')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {portfolio.fields.map((field) => {
            const rowCells = portfolio.cells.filter((c) => c.fieldOfActionId === field.id);
            return (
              <tr key={field.id} className="kern-table__row">
                <th scope="row" className="kern-table__header">
                  {field.code} – {localized(field.name, i18n.language)}
                </th>
                {portfolio.areas.map((area) => {
                  const here = cells(field.id, area.id);
                  const total = sum(here);
                  return (
                    <td key={area.id} className="kern-table__cell kern-table__cell--numeric">
                      <strong>{total}</strong>
                      {here.length > 0 ? (
                        <ul className="portfolio-matrix__split">
                          {PROJECT_STATES.filter((s) => here.some((c) => c.state === s)).map((state) => (
                            <li key={state}>
                              {stateLabel(t, state)}: {sum(here.filter((c) => c.state === state))}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
                <td className="kern-table__cell kern-table__cell--numeric">
                  <strong>{sum(rowCells)}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Where things get stuck: per state the number of projects and the median and longest time in it. */
export function PortfolioStuck({ portfolio }: { portfolio: PortfolioResponse }) {
  const { t } = useTranslation();
  const days = (value: number | null) => (value === null ? t('projects.none') : t('projects.portfolio.days', { count: value }));
  return (
    <TableRegion label={t('projects.portfolio.stuckLabel')}>
      <table className="kern-table kern-table--striped kern-table--small">
        <caption className="kern-title kern-sr-only">{t('projects.portfolio.stuckCaption')}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('projects.state')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('projects.portfolio.count')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('projects.portfolio.median')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('projects.portfolio.max')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {portfolio.byState.map((row) => (
            <tr key={row.state} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {stateLabel(t, row.state)}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{row.count}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{days(row.medianDaysInState)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{days(row.maxDaysInState)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function PortfolioItems({ portfolio }: { portfolio: PortfolioResponse }) {
  const { t } = useTranslation();
  const rows = [...portfolio.items].sort((a, b) => b.daysInState - a.daysInState);
  return (
    <ProjectTable<PortfolioItem>
      rows={rows}
      label={t('projects.portfolio.itemsLabel')}
      caption={t('projects.portfolio.itemsCaption', { count: rows.length })}
      emptyText={t('projects.portfolio.empty')}
      extra={[
        {
          id: 'days',
          header: t('projects.portfolio.daysInState'),
          numeric: true,
          cell: (row) => t('projects.portfolio.days', { count: row.daysInState }),
        },
      ]}
    />
  );
}

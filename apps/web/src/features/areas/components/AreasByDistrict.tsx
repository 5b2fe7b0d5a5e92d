import { AreaType, type AreaResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { bothQueries, QueryState } from '../../../components/ui/QueryState';
import { byName } from '../../../lib/format';
import { useAreas } from '../../../lib/areas';

interface DistrictGroup {
  district: AreaResponse;
  actionAreas: AreaResponse[];
}

function groupByDistrict(districts: AreaResponse[], actionAreas: AreaResponse[]): DistrictGroup[] {
  const sortByName = byName<AreaResponse>((area) => area.name);
  return [...districts]
    .sort(sortByName)
    .map((district) => ({
      district,
      actionAreas: actionAreas.filter((area) => area.parentId === district.id).sort(sortByName),
    }))
    .filter((group) => group.actionAreas.length > 0);
}

/** The current Aktionsräume, under the Stadtbezirk each belongs to. */
export function AreasByDistrict({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const districts = useAreas({ type: AreaType.District });
  const actionAreas = useAreas({ type: AreaType.ActionArea });
  const Heading = `h${headingLevel}` as const;

  return (
    <QueryState query={bothQueries(districts, actionAreas)}>
      {([districtList, actionAreaList]) => {
        const groups = groupByDistrict(districtList, actionAreaList);
        if (groups.length === 0) return <p className="kern-body">{t('home.areas.empty')}</p>;
        return (
          <ul className="district-grid" role="list">
            {groups.map(({ district, actionAreas: areas }) => (
              <li key={district.id} className="kern-card kern-card--hug district-card">
                <div className="kern-card__container">
                  <div className="kern-card__header">
                    <p className="kern-preline">{t('areaTypes.district')}</p>
                    <Heading className="kern-title">{district.name}</Heading>
                  </div>
                  <div className="kern-card__body">
                    <ul className="kern-list kern-list--bullet" aria-label={t('home.areas.inDistrict', { district: district.name })}>
                      {areas.map((area) => (
                        <li key={area.id} className="kern-body">
                          {area.name}
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        );
      }}
    </QueryState>
  );
}

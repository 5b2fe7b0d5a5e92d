import { AreaType, type AreaResponse } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Button } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { bothQueries, QueryState, type QueryLike } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useAreas } from '../../lib/areas';
import { useDeleteIndicator, useIndicator, useTargets } from '../../features/report/api/report';
import { IndicatorForm } from '../../features/report/components/IndicatorForm';
import { indicatorName } from '../../features/report/components/report-format';
import { TargetsEditor } from '../../features/report/components/TargetsEditor';
import { ValuesEditor } from '../../features/report/components/ValuesEditor';
import { flash } from '../../lib/flash';
import { byName } from '../../lib/format';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';
import { AdminNav } from '../layout/AdminNav';
import '../../styles/report.css';

const LIST_PATH = '/admin/indicators';
const NOTHING: QueryLike<null> = { data: null, error: null, isPending: false };

/** Values and targets belong to action areas and neighbourhoods (and the whole city), not to districts. */
const reportAreas = (areas: AreaResponse[]) => areas.filter((area) => area.type !== AreaType.District).sort(byName((area) => area.name));

/** Create (/admin/indicators/new) or edit an indicator (/admin/indicators/:key) with its values and targets. */
export function AdminIndicatorsEditRoute() {
  const { t, i18n } = useTranslation();
  const { key } = useParams();
  const navigate = useNavigate();
  const detail = useIndicator(key);
  const targets = useTargets(key);
  const areas = useAreas();
  const remove = useDeleteIndicator();
  const [deleteError, setDeleteError] = useState<UiMessage | null>(null);
  const indicator = key ? detail.data : null;
  const title = !key
    ? t('report.admin.createTitle')
    : indicator
      ? t('report.admin.editTitle', { name: indicatorName(indicator, i18n.language) })
      : t('report.admin.editTitleLoading');

  async function deleteIndicator() {
    if (!key) return;
    setDeleteError(null);
    try {
      await remove(key);
      navigate(LIST_PATH, { state: flash({ key: 'report.admin.deleted', params: { key } }) });
    } catch (error) {
      setDeleteError(describeError(error).formError);
    }
  }

  return (
    <Page title={title}>
      <AdminNav />
      <QueryState query={key ? detail : NOTHING}>
        {(loaded) => (
          <>
            <IndicatorForm
              key={loaded?.key ?? 'new'}
              indicator={loaded}
              cancelPath={LIST_PATH}
              onSaved={(saved) =>
                navigate(LIST_PATH, {
                  state: flash({
                    key: loaded ? 'report.admin.saved' : 'report.admin.created',
                    params: { name: indicatorName(saved, i18n.language) },
                  }),
                })
              }
            />
            {loaded ? (
              <>
                <Section id="indicator-values" title={t('report.admin.valuesTitle')} intro={t('report.admin.valuesIntro')}>
                  <QueryState query={areas}>{(areaList) => <ValuesEditor indicator={loaded} areas={reportAreas(areaList)} />}</QueryState>
                </Section>
                <Section id="indicator-targets" title={t('report.admin.targetsTitle')} intro={t('report.admin.targetsIntro')}>
                  <QueryState query={bothQueries(targets, areas)}>
                    {([list, areaList]) => <TargetsEditor indicator={loaded} targets={list} areas={reportAreas(areaList)} />}
                  </QueryState>
                </Section>
                <Section id="indicator-delete" title={t('report.admin.deleteTitle')} intro={t('report.admin.deleteIntro')}>
                  <div role="status">{deleteError ? <Alert variant="danger" title={translateMessage(t, deleteError)} /> : null}</div>
                  <Button variant="secondary" icon="delete" onClick={() => void deleteIndicator()}>
                    {t('report.admin.delete')}
                  </Button>
                </Section>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}

import { Role } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Form } from '../../components/ui/Form';
import { SelectField } from '../../components/ui/FormField';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useAssemblies } from '../../features/assemblies/api/assemblies';
import { allowedAreas } from '../../lib/area-groups';
import { useGroupingBoard } from '../../features/projects/api/projects';
import { GroupingBoard } from '../../features/projects/components/GroupingBoard';
import { IdeaForm } from '../../features/projects/components/IdeaForm';
import { useProjectOptions } from '../../features/projects/components/project-options';
import { formatDate } from '../../lib/format';
import type { FieldErrors } from '../../lib/messages';
import { useForm } from '../../lib/use-form';
import { useSession } from '../../lib/session';
import '../../styles/projects.css';

const UUID = /^[0-9a-f-]{36}$/i;

function SourcePicker({
  areaId,
  assemblyId,
  onApply,
}: {
  areaId: string;
  assemblyId: string;
  onApply: (areaId: string, assemblyId: string) => void;
}) {
  const { t } = useTranslation();
  const options = useProjectOptions();
  const upcoming = useAssemblies({ when: 'upcoming', pageSize: 100 });
  const past = useAssemblies({ when: 'past', pageSize: 100 });
  const assemblyOptions = [...(upcoming.data?.items ?? []), ...(past.data?.items ?? [])].map((assembly) => ({
    value: assembly.id,
    label: `${assembly.title} (${formatDate(assembly.startsAt)})`,
  }));
  const form = useForm({
    id: 'grouping-source',
    initialValues: { areaId, assemblyId },
    validate: (values): FieldErrors =>
      !values.areaId && !values.assemblyId
        ? { areaId: [{ key: 'projects.grouping.chooseSource' }] }
        : values.areaId && values.assemblyId
          ? { assemblyId: [{ key: 'projects.grouping.chooseOne' }] }
          : {},
    onSubmit: async (values) => onApply(values.areaId, values.assemblyId),
  });
  return (
    <div role="search" className="filter-bar">
      <Form form={form} submitLabel={t('projects.grouping.show')} submitIcon="search" submitVariant="secondary">
        <div className="form-row">
          <SelectField
            {...form.field('areaId', { label: t('projects.area') })}
            hint={t('projects.grouping.areaHint')}
            emptyOption={t('projects.grouping.noArea')}
            options={options.areaOptions}
          />
          <SelectField
            {...form.field('assemblyId', { label: t('projects.grouping.assembly') })}
            hint={t('projects.grouping.assemblyHint')}
            emptyOption={t('projects.grouping.noAssembly')}
            options={assemblyOptions}
          />
        </div>
      </Form>
    </div>
  );
}

/** The grouping board of moderators and administrators: proposals of an area or assembly into project ideas. */
export function GroupingRoute() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const uuid = (name: string) => (UUID.test(params.get(name) ?? '') ? (params.get(name) as string) : '');
  const assemblyId = uuid('assemblyId');
  const areaId = assemblyId ? '' : uuid('areaId');
  const options = useProjectOptions();
  const board = useGroupingBoard({ areaId: areaId || undefined, assemblyId: assemblyId || undefined });
  const scope = user?.role === Role.Administrator ? null : (user?.moderatorAreaIds ?? null);
  const allowed = allowedAreas(options.areas, scope);
  return (
    <Page title={t('projects.grouping.title')} lead={t('projects.grouping.lead')} wide>
      <p className="kern-body">
        <Link className="kern-link" to="/moderation">
          {t('projects.grouping.back')}
        </Link>
      </p>
      <SourcePicker
        key={`${areaId}|${assemblyId}|${options.areaOptions.length}`}
        areaId={areaId}
        assemblyId={assemblyId}
        onApply={(nextArea, nextAssembly) => setParams(nextAssembly ? { assemblyId: nextAssembly } : nextArea ? { areaId: nextArea } : {})}
      />
      {areaId || assemblyId ? (
        <QueryState query={board}>{(data) => <GroupingBoard board={data} />}</QueryState>
      ) : (
        <p className="kern-body">{t('projects.grouping.pickFirst')}</p>
      )}
      <Section id="new-idea" title={t('projects.grouping.newIdeaTitle')} intro={t('projects.grouping.newIdeaIntro')} boxed>
        <IdeaForm
          // The form takes the board's area once the areas it may offer have loaded (opened with ?areaId=).
          key={`${areaId}|${allowed.has(areaId)}`}
          areas={options.areas}
          allowedAreaIds={allowed}
          fieldOptions={options.fieldOptions}
          areaId={areaId}
          onCreated={() => undefined}
        />
      </Section>
    </Page>
  );
}

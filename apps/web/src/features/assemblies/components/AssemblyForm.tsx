import { AssemblyVisibility, type AreaResponse, type AssemblyDetail, type CreateAssemblyRequest } from '@app/shared';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/FormField';
import type { FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useSaveAssembly } from '../api/assemblies';
import { AgendaEditor, newAgendaDraft, type AgendaDraft } from './AgendaEditor';
import { AreaCheckboxes, splitIds } from '../../../components/AreaCheckboxes';
import { ModeratorPicker, type ChosenModerator } from './ModeratorPicker';
import { newVoteDraft, preparedVoteErrors, preparedVoteOf, VOTE_FIELDS, type VoteFieldIdentities } from './PreparedVoteEditor';
import { cityLocalToIso, isoToCityLocal } from './time';

interface AssemblyFormProps {
  /** null: a new assembly. */
  assembly: AssemblyDetail | null;
  areas: AreaResponse[];
  allowedAreaIds: Set<string>;
  /** Administrators may choose the moderators (the user search is theirs). */
  canChooseModerators: boolean;
  onSaved: (saved: AssemblyDetail) => void;
  actions?: ReactNode;
}

const TITLE_MAX = 200;
const PLACE_MAX = 300;
const DESCRIPTION_MAX = 5000;
const AGENDA_DESCRIPTION_MAX = 2000;
const AREAS_MAX = 10;

interface AssemblyFormValues extends Record<string, string | boolean> {
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  areaIds: string;
  visibility: string;
  requireAccount: boolean;
  requireCheckIn: boolean;
  registrationEnabled: boolean;
  capacity: string;
}

function draftsOf(assembly: AssemblyDetail | null): AgendaDraft[] {
  if (!assembly) return [newAgendaDraft()];
  return [...assembly.agenda]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      key: item.id,
      id: item.id,
      title: item.title,
      type: item.type,
      description: item.description ?? '',
      vote: newVoteDraft(item.vote, assembly.requireCheckIn),
    }));
}

export function AssemblyForm({ assembly, areas, allowedAreaIds, canChooseModerators, onSaved, actions }: AssemblyFormProps) {
  const { t } = useTranslation();
  const save = useSaveAssembly();
  const [agenda, setAgenda] = useState<AgendaDraft[]>(() => draftsOf(assembly));
  const [moderators, setModerators] = useState<ChosenModerator[]>(() => assembly?.moderators ?? []);

  const form = useForm({
    id: 'assembly',
    initialValues: {
      title: assembly?.title ?? '',
      description: assembly?.description ?? '',
      place: assembly?.place ?? '',
      startsAt: assembly ? isoToCityLocal(assembly.startsAt) : '',
      endsAt: assembly ? isoToCityLocal(assembly.endsAt) : '',
      areaIds: assembly ? assembly.areas.map((area) => area.id).join(',') : '',
      visibility: assembly?.visibility ?? AssemblyVisibility.Public,
      requireAccount: assembly?.requireAccount ?? false,
      requireCheckIn: assembly?.requireCheckIn ?? false,
      registrationEnabled: assembly?.registration.enabled ?? false,
      capacity: assembly?.registration.capacity != null ? String(assembly.registration.capacity) : '',
      // Agenda fields live in their own state; the index signature lets them register labels and errors.
    } as AssemblyFormValues,
    validate: (values) => {
      const errors: FieldErrors = {};
      const start = cityLocalToIso(values.startsAt);
      const end = cityLocalToIso(values.endsAt);
      if (values.startsAt && !start) errors.startsAt = [{ key: 'assemblies.form.dateInvalid' }];
      if (values.endsAt && !end) errors.endsAt = [{ key: 'assemblies.form.dateInvalid' }];
      if (start && end && end <= start) errors.endsAt = [{ key: 'assemblies.form.endBeforeStart' }];
      if (splitIds(values.areaIds).length > AREAS_MAX) errors.areaIds = [{ key: 'assemblies.form.areasMax', params: { count: AREAS_MAX } }];
      if (values.registrationEnabled && values.capacity.trim()) {
        const capacity = Number(values.capacity);
        if (!Number.isInteger(capacity) || capacity < 1) errors.capacity = [{ key: 'assemblies.form.capacityInvalid' }];
      }
      agenda.forEach((item, index) => {
        if (!item.title.trim()) errors[`agenda.${index}.title`] = [{ key: 'validation.required' }];
        else if (item.title.trim().length < 2) errors[`agenda.${index}.title`] = [{ key: 'validation.minLength', params: { count: 2 } }];
        else if (item.title.length > TITLE_MAX) {
          errors[`agenda.${index}.title`] = [{ key: 'validation.maxLength', params: { count: TITLE_MAX } }];
        }
        if (item.description.length > AGENDA_DESCRIPTION_MAX) {
          errors[`agenda.${index}.description`] = [{ key: 'validation.maxLength', params: { count: AGENDA_DESCRIPTION_MAX } }];
        }
        Object.assign(errors, preparedVoteErrors(`agenda.${index}.vote`, preparedVoteOf(item.type, item.vote)));
      });
      return errors;
    },
    onSubmit: async (values) => {
      const description = values.description.trim();
      const body: CreateAssemblyRequest = {
        title: values.title.trim(),
        description: description || null,
        place: values.place.trim(),
        startsAt: cityLocalToIso(values.startsAt) ?? values.startsAt,
        endsAt: cityLocalToIso(values.endsAt) ?? values.endsAt,
        areaIds: splitIds(values.areaIds),
        visibility: values.visibility as AssemblyVisibility,
        requireAccount: values.requireAccount,
        requireCheckIn: values.requireCheckIn,
        registrationEnabled: values.registrationEnabled,
        capacity: values.registrationEnabled && values.capacity.trim() ? Number(values.capacity) : null,
        agenda: agenda.map((item) => ({
          ...(item.id ? { id: item.id } : {}),
          title: item.title.trim(),
          type: item.type,
          description: item.description.trim() || null,
          vote: preparedVoteOf(item.type, item.vote),
        })),
      };
      if (canChooseModerators && (assembly || moderators.length > 0)) body.moderatorIds = moderators.map((moderator) => moderator.id);
      onSaved(await save(assembly?.id ?? null, body));
    },
  });

  // Registered in this render, so the error summary knows every agenda field's label.
  const titleFields = agenda.map((_, index) =>
    form.field(`agenda.${index}.title`, { label: t('assemblies.agenda.itemTitleOf', { position: index + 1 }) }),
  );
  const descriptionFields = agenda.map((_, index) =>
    form.field(`agenda.${index}.description`, { label: t('assemblies.agenda.itemDescriptionOf', { position: index + 1 }) }),
  );
  const voteFields = agenda.map((_, index) => {
    const fields = {} as VoteFieldIdentities;
    for (const name of VOTE_FIELDS)
      fields[name] = form.field(`agenda.${index}.vote.${name}`, {
        label: t(`assemblies.agenda.vote.fields.${name}`, { position: index + 1 }),
      });
    return fields;
  });

  return (
    <Form form={form} submitLabel={assembly ? t('common.save') : t('assemblies.form.create')} actions={actions}>
      <TextField
        {...form.field('title', { label: t('assemblies.form.title'), required: true, minLength: 3, maxLength: TITLE_MAX })}
        autoComplete="off"
      />
      <TextField
        {...form.field('description', { label: t('assemblies.form.description'), maxLength: DESCRIPTION_MAX })}
        hint={t('assemblies.form.descriptionHint')}
        multiline
        rows={6}
      />
      <TextField
        {...form.field('place', { label: t('assemblies.form.place'), required: true, minLength: 2, maxLength: PLACE_MAX })}
        hint={t('assemblies.form.placeHint')}
      />
      <div className="form-row">
        <TextField
          {...form.field('startsAt', { label: t('assemblies.form.startsAt'), required: true })}
          type="datetime-local"
          hint={t('assemblies.form.timeZoneHint')}
        />
        <TextField
          {...form.field('endsAt', { label: t('assemblies.form.endsAt'), required: true })}
          type="datetime-local"
          hint={t('assemblies.form.timeZoneHint')}
        />
      </div>
      <AreaCheckboxes
        {...form.field('areaIds', { label: t('assemblies.form.areas'), required: true })}
        areas={areas}
        allowed={allowedAreaIds}
        hint={t('assemblies.form.areasHint')}
      />
      <SelectField
        {...form.field('visibility', { label: t('assemblies.form.visibility'), required: true })}
        options={[
          { value: AssemblyVisibility.Public, label: t('assemblies.visibility.public') },
          { value: AssemblyVisibility.Unlisted, label: t('assemblies.visibility.unlisted') },
        ]}
        hint={t('assemblies.form.visibilityHint')}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('assemblies.form.participation')}</legend>
        <div className="kern-fieldset__body">
          <CheckboxField
            {...form.checkbox('requireAccount', { label: t('assemblies.form.requireAccount') })}
            hint={t('assemblies.form.requireAccountHint')}
          />
          <CheckboxField
            {...form.checkbox('requireCheckIn', { label: t('assemblies.form.requireCheckIn') })}
            hint={t('assemblies.form.requireCheckInHint')}
          />
          <CheckboxField
            {...form.checkbox('registrationEnabled', { label: t('assemblies.form.registrationEnabled') })}
            hint={t('assemblies.form.registrationEnabledHint')}
          />
        </div>
      </fieldset>
      {form.values.registrationEnabled ? (
        <TextField
          {...form.field('capacity', { label: t('assemblies.form.capacity') })}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          hint={t('assemblies.form.capacityHint')}
        />
      ) : null}
      {canChooseModerators ? <ModeratorPicker id="assembly-moderators" value={moderators} onChange={setModerators} /> : null}
      <AgendaEditor
        items={agenda}
        onChange={setAgenda}
        titleFields={titleFields}
        descriptionErrors={(index) => descriptionFields[index]}
        voteFields={(index) => voteFields[index]}
        bindingByDefault={form.values.requireCheckIn}
      />
    </Form>
  );
}

import { DISPLAY_NAME_MAX_LENGTH, DISPLAY_NAME_MIN_LENGTH, LANGUAGES, type MeResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/ui/Form';
import { SelectField, TextField } from '../../../components/ui/FormField';
import { changeLanguage, isLanguage } from '../../../lib/i18n';
import { useForm } from '../../../lib/use-form';
import { useUpdateProfile } from '../api/profile';

export function ProfileForm({ user }: { user: MeResponse }) {
  const { t } = useTranslation();
  const updateProfile = useUpdateProfile();
  const form = useForm({
    id: 'profile',
    initialValues: { displayName: user.displayName, language: user.language as string },
    onSubmit: async (values) => {
      const updated = await updateProfile({
        displayName: values.displayName.trim(),
        language: isLanguage(values.language) ? values.language : undefined,
      });
      await changeLanguage(updated.language);
      return { key: 'account.profile.saved' };
    },
  });
  return (
    <Form form={form} submitLabel={t('account.profile.submit')}>
      <TextField
        {...form.field('displayName', {
          label: t('fields.displayName'),
          required: true,
          minLength: DISPLAY_NAME_MIN_LENGTH,
          maxLength: DISPLAY_NAME_MAX_LENGTH,
        })}
        hint={t('fields.displayNameHint', { min: DISPLAY_NAME_MIN_LENGTH, max: DISPLAY_NAME_MAX_LENGTH })}
        autoComplete="nickname"
      />
      <SelectField
        {...form.field('language', { label: t('fields.language'), required: true })}
        hint={t('fields.languageHint')}
        options={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      />
    </Form>
  );
}

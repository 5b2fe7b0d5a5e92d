import type { MeResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { DisplayNameField, displayNameRules, LanguageField } from '../../../components/ui/AccountFields';
import { Form } from '../../../components/ui/Form';
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
      <DisplayNameField {...form.field('displayName', displayNameRules(t))} />
      <LanguageField {...form.field('language', { label: t('fields.language'), required: true })} />
    </Form>
  );
}

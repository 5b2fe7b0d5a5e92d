import { EMAIL_MAX_LENGTH, type MeResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { CurrentPasswordField, EmailField } from '../../../components/ui/AccountFields';
import { Alert } from '../../../components/ui/Alert';
import { Form } from '../../../components/ui/Form';
import { useForm } from '../../../lib/use-form';
import { useChangeEmail } from '../api/change-email';

export function EmailForm({ user }: { user: MeResponse }) {
  const { t } = useTranslation();
  const changeEmail = useChangeEmail();
  const form = useForm({
    id: 'change-email',
    initialValues: { newEmail: '', currentPassword: '' },
    onSubmit: async (values) => {
      const newEmail = values.newEmail.trim();
      await changeEmail({ newEmail, currentPassword: values.currentPassword });
      form.reset();
      return { key: 'account.email.sent', params: { email: newEmail } };
    },
  });
  return (
    <>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('account.email.current')}</dt>
          <dd className="kern-description-list-item__value">{user.email}</dd>
        </div>
      </dl>
      {user.pendingEmail ? (
        <Alert variant="info" title={t('account.email.pendingTitle')}>
          <p className="kern-body">{t('account.email.pendingText', { email: user.pendingEmail })}</p>
        </Alert>
      ) : null}
      <Form form={form} submitLabel={t('account.email.submit')}>
        <EmailField
          {...form.field('newEmail', { label: t('fields.newEmail'), required: true, email: true, maxLength: EMAIL_MAX_LENGTH })}
          hint={t('account.email.hint')}
        />
        <CurrentPasswordField {...form.field('currentPassword', { label: t('fields.currentPassword'), required: true })} />
      </Form>
    </>
  );
}

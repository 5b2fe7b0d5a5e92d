import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../components/ui/Page';
import { Section } from '../../components/ui/Section';
import { DataExport } from '../../features/account/components/DataExport';
import { DeleteAccountForm } from '../../features/account/components/DeleteAccountForm';
import { EmailForm } from '../../features/account/components/EmailForm';
import { PasswordForm } from '../../features/account/components/PasswordForm';
import { ProfileForm } from '../../features/account/components/ProfileForm';
import { flash } from '../../lib/flash';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';

export function AccountRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  if (!user) return null; // RequireAuth guarantees a user; this satisfies the type.

  return (
    <Page title={t('account.title')} lead={t('account.lead', { date: formatDate(user.createdAt) })}>
      <nav className="toc" aria-label={t('account.tocLabel')}>
        <ul className="kern-list">
          {(['profile', 'email', 'password', 'export', 'delete'] as const).map((id) => (
            <li key={id}>
              <a className="kern-link" href={`#${id}-title`}>
                {t(`account.${id}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="profile" title={t('account.profile.title')} intro={t('account.profile.intro')} boxed>
        <ProfileForm user={user} />
      </Section>
      <Section id="email" title={t('account.email.title')} intro={t('account.email.intro')} boxed>
        <EmailForm user={user} />
      </Section>
      <Section id="password" title={t('account.password.title')} boxed>
        <PasswordForm />
      </Section>
      <Section id="export" title={t('account.export.title')} intro={t('account.export.intro')} boxed>
        <DataExport />
      </Section>
      <Section id="delete" title={t('account.delete.title')} intro={t('account.delete.intro')} boxed>
        <DeleteAccountForm onDeleted={() => navigate('/', { replace: true, state: flash({ key: 'account.delete.done' }) })} />
      </Section>
    </Page>
  );
}

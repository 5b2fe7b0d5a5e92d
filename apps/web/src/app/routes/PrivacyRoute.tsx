import { TOKEN_TTL_HOURS, type RetentionPeriodsResponse } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { LegalDocument, useLegalSections } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';
import { Loading, QueryState } from '../../components/ui/QueryState';
import { useRetentionPeriods } from '../../features/privacy/api/retention-periods';
import { useTextSet } from '../../lib/text-sets';

/** The privacy notice; its texts (the `legal` set) are fetched with the page, not with every first load. */
export function PrivacyRoute() {
  return useTextSet('legal') ? <PrivacyPage /> : <Loading />;
}

function PrivacyPage() {
  const { t } = useTranslation();
  const periods = useRetentionPeriods();
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <QueryState query={periods}>{(data) => <PrivacyText periods={data} />}</QueryState>
    </Page>
  );
}

/** The text with the periods this installation really uses (served by the API from its configuration). */
function PrivacyText({ periods }: { periods: RetentionPeriodsResponse }) {
  const sections = useLegalSections('privacy.sections', {
    verifyHours: TOKEN_TTL_HOURS.verifyEmail,
    resetHours: TOKEN_TTL_HOURS.resetPassword,
    guestDays: periods.guestDays,
    unverifiedDays: periods.unverifiedAccountDays,
    tokenDays: periods.tokenDays,
    unsubscribeDays: periods.unsubscribeTokenDays,
    sentMailDays: periods.sentMailDays,
    sessionDays: Math.ceil(periods.sessionHours / 24),
    fundContactYears: periods.fundContactYears,
  });
  return <LegalDocument sections={sections} hasPlaceholders />;
}

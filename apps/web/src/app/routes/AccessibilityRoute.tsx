import { useTranslation } from 'react-i18next';
import { LegalDocument, useLegalSections, type LegalSection } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';
import { Section } from '../../components/ui/Section';
import { useSignLanguageVideo } from '../../features/sign-language/api/sign-language-video';
import { Loading } from '../../components/ui/QueryState';
import { SITE_CONTACT } from '../../lib/site-config';
import { useTextSet } from '../../lib/text-sets';

/**
 * The section "Nicht barrierefreie Inhalte" of accessibility.sections (the same place in every
 * language: i18n:check keeps the structure equal), and where the missing sign language video goes in it.
 */
const KNOWN_BARRIERS = 2;
const SIGN_LANGUAGE_BARRIER_AT = 1;

/** The known barriers name the missing video in Deutsche Gebärdensprache unless the city has published one. */
function useKnownBarriers(): LegalSection[] {
  const { t } = useTranslation();
  const sections = useLegalSections('accessibility.sections');
  const video = useSignLanguageVideo();
  // Until the answer is there (or when it fails) the barrier stays listed: better said once too often.
  const published = Boolean(video.data?.video);
  const barriers = sections[KNOWN_BARRIERS];
  if (published || !barriers?.items) return sections;
  const items = [...barriers.items];
  items.splice(SIGN_LANGUAGE_BARRIER_AT, 0, t('accessibility.signLanguageBarrier'));
  return sections.map((section, index) => (index === KNOWN_BARRIERS ? { ...section, items } : section));
}

/**
 * Erklärung zur Barrierefreiheit (BITV 2.0 / BITV NRW) with its feedback channel; its texts (the
 * `legal` set) are fetched with the page, not with every first load.
 */
export function AccessibilityRoute() {
  return useTextSet('legal') ? <AccessibilityStatement /> : <Loading />;
}

function AccessibilityStatement() {
  const { t } = useTranslation();
  const subject = encodeURIComponent(t('accessibility.feedback.mailSubject'));
  const body = encodeURIComponent(t('accessibility.feedback.mailBody'));
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <LegalDocument sections={useKnownBarriers()} hasPlaceholders={SITE_CONTACT.placeholder}>
        <Section id="feedback" title={t('accessibility.feedback.title')} intro={t('accessibility.feedback.intro')} boxed>
          <ul className="kern-list kern-list--bullet">
            <li>{t('accessibility.feedback.include1')}</li>
            <li>{t('accessibility.feedback.include2')}</li>
            <li>{t('accessibility.feedback.include3')}</li>
          </ul>
          <p className="kern-body">
            <a className="kern-btn kern-btn--primary" href={`mailto:${SITE_CONTACT.accessibilityEmail}?subject=${subject}&body=${body}`}>
              <span className="kern-icon kern-icon--mail" aria-hidden="true" />
              <span className="kern-label">{t('accessibility.feedback.mailButton')}</span>
            </a>
          </p>
          <p className="kern-body">
            {t('accessibility.feedback.address')}{' '}
            <a className="kern-link" href={`mailto:${SITE_CONTACT.accessibilityEmail}`}>
              {SITE_CONTACT.accessibilityEmail}
            </a>
          </p>
          <p className="kern-body">{t('accessibility.feedback.response')}</p>
        </Section>
      </LegalDocument>
    </Page>
  );
}

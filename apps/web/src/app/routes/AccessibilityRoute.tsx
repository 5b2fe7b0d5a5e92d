import { useTranslation } from 'react-i18next';
import { LegalDocument, useLegalSections } from '../../components/ui/LegalDocument';
import { Page } from '../../components/ui/Page';
import { Section } from '../../components/ui/Section';
import { SITE_CONTACT } from '../../lib/site-config';

/** Erklärung zur Barrierefreiheit (BITV 2.0 / BITV NRW) with its feedback channel. */
export function AccessibilityRoute() {
  const { t } = useTranslation();
  const subject = encodeURIComponent(t('accessibility.feedback.mailSubject'));
  const body = encodeURIComponent(t('accessibility.feedback.mailBody'));
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <LegalDocument sections={useLegalSections('accessibility.sections')} hasPlaceholders={SITE_CONTACT.placeholder}>
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

import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { Section } from '../../components/ui/Section';
import { Term, TermList } from '../../components/ui/Term';
import { AreasByDistrict } from '../../features/areas/components/AreasByDistrict';
import { FieldsOfActionOverview } from '../../features/fields-of-action/components/FieldsOfActionOverview';
import { useSession } from '../../lib/session';
import { NextSteps, UpcomingAssemblies } from './home/HomeSections';

const STEPS = ['propose', 'discuss', 'decide', 'follow'] as const;

export function HomeRoute() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Page title={t('home.title')} lead={t('home.lead')} wide>
      {/* The programme keeps its German name in every language: explained here, once, with the words the sections use. */}
      <TermList>
        <Term name="actionPlan" />
        <Term name="fieldOfAction" />
        <Term name="actionArea" />
      </TermList>
      {user ? (
        <NextSteps />
      ) : (
        <div className="kern-btn-wrapper hero-actions">
          <ButtonLink to="/register" variant="primary">
            {t('home.cta.register')}
          </ButtonLink>
          <ButtonLink to="/login" variant="secondary">
            {t('home.cta.login')}
          </ButtonLink>
        </div>
      )}

      <Section id="how" title={t('home.how.title')} intro={t('home.how.intro')}>
        <ol className="steps">
          {STEPS.map((step, index) => (
            <li key={step} className="steps__item">
              <span className="steps__number" aria-hidden="true">
                {index + 1}
              </span>
              <div>
                <h3 className="kern-heading-small">{t(`home.how.${step}.title`)}</h3>
                <p className="kern-body">{t(`home.how.${step}.text`)}</p>
              </div>
            </li>
          ))}
        </ol>
      </Section>

      <UpcomingAssemblies />

      <Section id="fields" title={t('home.fields.title')} intro={t('home.fields.intro')}>
        <FieldsOfActionOverview />
      </Section>

      <Section id="areas" title={t('home.areas.title')} intro={t('home.areas.intro')}>
        <AreasByDistrict />
      </Section>
    </Page>
  );
}

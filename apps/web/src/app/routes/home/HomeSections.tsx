import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { ButtonLink } from '../../../components/ui/Button';
import { QueryState } from '../../../components/ui/QueryState';
import { Section } from '../../../components/ui/Section';
import { useAssemblies } from '../../../features/assemblies/api/assemblies';
import { AssemblyList } from '../../../features/assemblies/components/AssemblyCard';
import '../../../features/assemblies/components/assemblies.css';
import './home.css';
import { useMyProposals } from '../../../features/proposals/api/proposals';

/** How many upcoming assemblies the home page shows; /assemblies has all of them. */
const SHOWN = 3;

/** The next public assemblies, soonest first (the same list as /assemblies), or a note that none are planned. */
export function UpcomingAssemblies() {
  const { t } = useTranslation();
  const assemblies = useAssemblies({ when: 'upcoming', page: 1, pageSize: SHOWN });
  return (
    <Section id="assemblies" title={t('home.assemblies.title')}>
      <QueryState query={assemblies}>
        {(page) =>
          page.items.length > 0 ? (
            <>
              <AssemblyList assemblies={page.items} />
              <p className="kern-body home-more">
                <Link className="kern-link" to="/assemblies">
                  {t('home.assemblies.all', { count: page.total })}
                </Link>
              </p>
            </>
          ) : (
            <Alert variant="info" title={t('home.assemblies.noneTitle')}>
              <p className="kern-body">{t('home.assemblies.noneText')}</p>
            </Alert>
          )
        }
      </QueryState>
    </Section>
  );
}

/** For a signed-in person: what they can do next — propose, join an assembly with its code, follow their proposals. */
export function NextSteps() {
  const { t } = useTranslation();
  const mine = useMyProposals();
  const count = mine.data?.length;
  const mineText =
    count === undefined ? t('home.next.mine.text') : count === 0 ? t('home.next.mine.none') : t('home.next.mine.some', { count });
  const steps = [
    { key: 'propose', to: '/proposals/new', text: t('home.next.propose.text'), variant: 'primary' as const },
    { key: 'join', to: '/join', text: t('home.next.join.text'), variant: 'secondary' as const },
    { key: 'mine', to: '/account/proposals', text: mineText, variant: 'secondary' as const },
  ];
  return (
    <Section id="next" title={t('home.next.title')} intro={t('home.next.intro')}>
      <ul className="card-grid" role="list">
        {steps.map((step) => (
          <li key={step.key} className="kern-card next-step">
            <div className="kern-card__container">
              <div className="kern-card__header">
                <h3 className="kern-title">{t(`home.next.${step.key}.title`)}</h3>
              </div>
              <div className="kern-card__body">
                <p className="kern-body">{step.text}</p>
              </div>
              <div className="kern-card__footer">
                <ButtonLink to={step.to} variant={step.variant}>
                  {t(`home.next.${step.key}.action`)}
                </ButtonLink>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
